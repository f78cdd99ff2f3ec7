"""The history of policies, goals and updates as readers see it (issue 11, point 4).

Readers (everybody who may not edit the object) see the history since the object
was published, "Forvaltningen" instead of a name, and before → after only for
choices, dates and numbers; free text and file names only as "ændret". Editors
see the full record, as before.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from policies import services
from policies.history import PER_PAGE, READER_WHO
from policies.models import GoalUpdate, PolicyVersion
from tests.policies.factories import GoalUpdateAttachmentFactory, PolicyVersionFactory
from tests.policies.helpers import acting_as
from tests.policies.history_markers import history_section, marker, plant_and_replace
from tests.world import ROLES

pytestmark = pytest.mark.django_db

CPR = "010190-1234"


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _adopt(version, user):
    with acting_as(user):
        return services.adopt_version(
            version=version,
            adopting_body=PolicyVersion.AdoptingBody.CITY_COUNCIL,
            committee=None,
            adopted_on=datetime.date(2026, 1, 15),
        )


def _attach_and_remove(update, user) -> str:
    name = marker()
    attachment = GoalUpdateAttachmentFactory(update=update, original_name=f"{name}.pdf")
    attachment._history_user = user
    attachment.delete()
    return name


def _policy_page(world):
    """A version with markers in its draft wording and in a correction after adoption."""
    admin = world.users["administrator"]
    version = PolicyVersionFactory(title="Politik for frivillige")
    markers = plant_and_replace(version, admin)
    version = _adopt(version, admin)
    markers += plant_and_replace(version, admin)
    return reverse("policies:version_detail", args=[version.pk]), markers


def _goal_page(world):
    """A goal set under a draft policy, changed before and after the policy's adoption."""
    goal, admin = world["draft_goal"], world.users["administrator"]
    markers = plant_and_replace(goal, world.users["caseworker"])
    _adopt(world["draft_policy"], admin)
    goal.refresh_from_db()
    markers += plant_and_replace(goal, world.users["caseworker"])
    return goal.get_absolute_url(), markers


def _update_page(world):
    """An update changed, and given an attachment that was removed, before and after."""
    update, caseworker = world["draft_update"], world.users["caseworker"]
    markers = plant_and_replace(update, caseworker)
    markers.append(_attach_and_remove(update, caseworker))
    _adopt(world["draft_policy"], world.users["administrator"])
    update = GoalUpdate.objects.get(pk=update.pk)
    markers += plant_and_replace(update, caseworker)
    markers.append(_attach_and_remove(update, caseworker))
    return update.get_absolute_url(), markers


def _internal_goal_page(world):
    """A goal of a draft policy: never published, so readers see no history at all."""
    goal = world["draft_goal"]
    return goal.get_absolute_url(), plant_and_replace(goal, world.users["caseworker"])


PAGES = {
    "policy": (_policy_page, {"administrator"}),
    "goal": (_goal_page, {"administrator", "caseworker"}),
    "update": (_update_page, {"administrator", "caseworker"}),
    "internal_goal": (_internal_goal_page, {"administrator", "caseworker"}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", PAGES)
def test_readers_never_see_earlier_free_text_editors_see_it_all(client, world, kind, role):
    build, editors = PAGES[kind]
    url, markers = build(world)
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.status_code != 200:
        # Not a reader of this page at all (e.g. the public and an internal goal).
        assert role not in editors and response.status_code in (302, 404)
        return
    html = response.content.decode()
    if role in editors:
        missing = [m for m in markers if m not in html]
        assert not missing, f"the editor lost the full history: {missing}"
        assert response.context["history"].full
    else:
        leaked = [m for m in markers if m in html]
        assert not leaked, f"{role} read earlier wording on the {kind} page: {leaked}"
        assert not response.context["history"].full


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("caseworker", "administrator")])
def test_a_cpr_number_corrected_a_minute_later_is_not_shown_to_readers(client, world, role):
    """The exact case of the issue: a CPR number in "Hvem deltog?", corrected at once."""
    update, caseworker = world["update"], world.users["caseworker"]
    client.force_login(caseworker)
    url = reverse("policies:update_edit", args=[update.pk])
    data = {
        "date": update.date.isoformat(),
        "channel": update.channel,
        "participants": f"Brugerrådet og Jens ({CPR})",
        "what_was_done": update.what_was_done,
        "what_changed": update.what_changed,
    }
    assert client.post(url, data).status_code == 302
    client.post(url, {**data, "participants": "Brugerrådet og en bruger"})
    assert CPR in client.get(update.get_absolute_url()).content.decode()  # the editor's view

    client.logout()
    if world.user(role):
        client.force_login(world.user(role))
    html = client.get(update.get_absolute_url()).content.decode()
    assert CPR not in html
    assert "Hvem deltog" in history_section(html)  # that it changed is still told


def test_readers_see_before_and_after_of_choices_and_dates_and_the_role_not_the_name(
    client, world, caseworker, member
):
    goal = world["goal"]
    goal.status, goal.deadline, goal.title = "met", datetime.date(2031, 5, 1), "Ny titel"
    goal._history_user = caseworker
    goal.save()
    for reader in (None, member):
        client.logout()
        if reader:
            client.force_login(reader)
        html = client.get(goal.get_absolute_url()).content.decode()
        section = history_section(html)
        newest = client.get(goal.get_absolute_url()).context["history"][0]
        changes = {c.label: (c.before, c.after, c.redacted) for c in newest.changes}
        assert changes["Status"][1:] == ("Opfyldt", False)
        assert changes["Frist"][1:] == ("01.05.2031", False)
        assert changes["Mål"] == ("", "", True)
        assert newest.who is None
        assert f"af {READER_WHO}" in section
        assert caseworker.full_name not in section
        assert "ændret" in section


def test_policy_readers_see_the_history_from_adoption_on(client, world, administrator):
    version = PolicyVersionFactory(title="Kladdens titel")
    plant_and_replace(version, administrator)
    _adopt(version, administrator)
    history = client.get(reverse("policies:version_detail", args=[version.pk])).context["history"]
    assert [e.kind for e in history] == ["~"]  # the adoption itself, nothing before it
    changes = {c.label: (c.before, c.after) for c in history[0].changes}
    assert changes["Status"] == ("Kladde", "Vedtaget")
    client.force_login(administrator)
    full = client.get(reverse("policies:version_detail", args=[version.pk])).context["history"]
    assert [e.kind for e in full] == ["~", "~", "~", "+"]


def test_goal_readers_see_the_history_from_the_policy_versions_adoption(
    client, world, caseworker, administrator
):
    goal = world["draft_goal"]
    goal.status = "in_progress"
    goal._history_user = caseworker
    goal.save()
    assert client.get(goal.get_absolute_url()).status_code == 404  # not public yet
    _adopt(world["draft_policy"], administrator)
    assert len(client.get(goal.get_absolute_url()).context["history"]) == 0
    goal.refresh_from_db()
    goal.status = "met"
    goal._history_user = caseworker
    goal.save()
    history = client.get(goal.get_absolute_url()).context["history"]
    assert [(c.before, c.after) for e in history for c in e.changes] == [("I gang", "Opfyldt")]


def test_attachment_names_are_kept_from_readers(client, world, caseworker):
    update = world["update"]
    GoalUpdateAttachmentFactory(update=update, original_name="Jens Hansen journal.pdf")
    removed = update.attachments.get(original_name="Jens Hansen journal.pdf")
    removed._history_user = caseworker
    removed.delete()
    html = client.get(update.get_absolute_url()).content.decode()
    assert "Jens Hansen" not in html
    assert "Bilag fjernet" in history_section(html)
    client.force_login(caseworker)
    assert (
        "Bilag fjernet: Jens Hansen journal.pdf"
        in client.get(update.get_absolute_url()).content.decode()
    )


def _toggle_status(goal, user, times):
    for i in range(times):
        goal.status = "met" if i % 2 == 0 else "in_progress"
        goal._history_user = user
        goal.save()


def test_readers_page_the_history_since_publication_50_at_a_time(
    client, world, caseworker, administrator
):
    goal = world["draft_goal"]
    _toggle_status(goal, caseworker, 30)  # before the policy's adoption: never shown to readers
    _adopt(world["draft_policy"], administrator)
    _toggle_status(goal, caseworker, 70)
    first = client.get(goal.get_absolute_url()).context["history"]
    assert (len(first), first.paginator.num_pages) == (PER_PAGE, 2)
    last = client.get(goal.get_absolute_url(), {"historik": 2}).context["history"]
    assert len(last) == 20
    # The oldest shown change is compared with the last record before publication.
    assert [(c.before, c.after) for c in last[-1].changes] == [("I gang", "Opfyldt")]
    client.force_login(caseworker)
    full = client.get(goal.get_absolute_url()).context["history"]
    assert full.paginator.num_pages == 3


@pytest.mark.parametrize("role", ["anonymous", "member", "other_caseworker"])
def test_readers_pages_read_the_same_queries_with_few_and_many_changes(client, world, role):
    caseworker, update = world.users["caseworker"], world["update"]
    version = world["policy"]
    if world.user(role):
        client.force_login(world.user(role))
    urls = [
        update.get_absolute_url(),
        update.goal.get_absolute_url(),
        reverse("policies:version_detail", args=[version.pk]),
    ]

    def grow(times):
        for i in range(times):
            update.what_changed = f"Tekst {i}"
            update._history_user = caseworker
            update.save()
            GoalUpdateAttachmentFactory(update=update, original_name=f"bilag {i}.pdf")
        _toggle_status(update.goal, caseworker, times)
        for i in range(times):
            version.summary = f"Resumé {i}"
            version._history_user = caseworker
            version.save()

    grow(5)
    small = [_queries(client, url) for url in urls]
    grow(120)
    assert [_queries(client, url) for url in urls] == small
