import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.urls import reverse

from actionplans.models import ActionPlan, Initiative, InitiativeUpdate
from policies.models import UnitGoal
from tests.actionplans.factories import (
    ApprovedActionPlanFactory,
    InitiativeFactory,
    InitiativeUpdateFactory,
)
from tests.councils.factories import AgendaItemFactory
from tests.policies.factories import UnitGoalFactory
from tests.world import ROLES

pytestmark = pytest.mark.django_db


def detail(plan):
    return reverse("actionplans:plan_detail", kwargs={"pk": plan.pk})


def test_list_shows_what_each_role_may_see(client, world, caseworker, administrator):
    url = reverse("actionplans:plan_list")
    public = client.get(url).content.decode()
    assert world["plan"].title in public
    assert world["submitted_plan"].title not in public
    assert world["draft_plan"].title not in public
    client.force_login(caseworker)
    staff = client.get(url).content.decode()
    assert world["submitted_plan"].title in staff
    assert world["draft_plan"].title not in staff
    client.force_login(administrator)
    assert world["draft_plan"].title in client.get(url).content.decode()


# Who reads which plans: ActionPlan.objects.visible_to is the one place that decides it.
STAFF_READABLE = {"submitted", "approved", "rejected", "returned"}
READS = {
    "anonymous": {"approved"},
    "member": {"approved"},
    "outsider": {"approved"},
    "secretary": {"approved"},
    "caseworker": STAFF_READABLE,
    "other_caseworker": STAFF_READABLE,
    "administrator": STAFF_READABLE | {"draft"},
}


def test_visible_to_per_role(world):
    plans = [world["plan"], world["submitted_plan"], world["draft_plan"]]
    for status in ["rejected", "returned"]:
        plans.append(
            ApprovedActionPlanFactory(
                status=status, committee=world["committee"], administration=world["administration"]
            )
        )
    for role in ROLES:
        user = world.user(role) or AnonymousUser()
        visible = set(ActionPlan.objects.visible_to(user).values_list("pk", flat=True))
        for plan in plans:
            assert (plan.pk in visible) == (plan.status in READS[role]), (role, plan.status)
        visible_initiatives = Initiative.objects.visible_to(user)
        assert set(visible_initiatives.values_list("plan_id", flat=True)) <= visible
        updates = InitiativeUpdate.objects.visible_to(user)
        assert set(updates.values_list("initiative__plan_id", flat=True)) <= visible
    assert InitiativeUpdate.objects.visible_to(AnonymousUser()).exists()
    assert (
        not InitiativeUpdate.objects.visible_to(AnonymousUser())
        .filter(initiative__plan=world["draft_plan"])
        .exists()
    )


def test_plan_page_shows_sections_initiatives_decision_and_economy(client, world):
    plan = world["plan"]
    InitiativeFactory(plan=plan, title="Pjece", cost=Decimal("5000"), recurrence="one_off")
    InitiativeFactory(plan=plan, title="Temamøder", cost=Decimal("50000.50"))
    InitiativeFactory(
        plan=plan, title="Fondsprojekt", funding="external", fund_name="ABT-fonden", cost=None
    )
    page = client.get(detail(plan)).content.decode()
    assert "<strong>netværk</strong>" in page  # markdown rendered
    assert "A. Netværksansvarlig medarbejder" in page
    assert "Socialudvalgets beslutning den 8. september 2010" in page
    assert "Indstillingen blev godkendt" in page
    assert "Socialdirektøren" in page
    assert "ABT-fonden" in page
    # 1.000 (A) + 50.000,50 yearly; 5.000 once
    assert "51.000,50 kr." in page
    assert "5.000 kr." in page
    economy = client.get(detail(plan)).context["economy"]
    assert economy.row("within_budget").yearly == Decimal("51000.50")
    assert economy.row("within_budget").one_off == Decimal("5000")
    assert economy.row("external").without_cost == 1
    assert economy.total.count == 4


def test_plan_page_is_printable(client, world):
    page = client.get(detail(world["plan"])).content.decode()
    assert "actionplans/actionplans.css" in page
    assert "data-print" in page
    with open(finders.find("actionplans/actionplans.css"), encoding="utf-8") as css:
        stylesheet = css.read()
    print_rules = stylesheet.split("@media print", 1)[1]
    assert ".portal-nav" in print_rules and "display: none" in print_rules


def test_public_does_not_see_edit_buttons(client, world, administrator):
    plan = world["plan"]
    assert "Redigér handleplan" not in client.get(detail(plan)).content.decode()
    client.force_login(administrator)
    page = client.get(detail(plan)).content.decode()
    assert "Redigér handleplan" in page
    assert "Tilføj initiativ" in page


def test_initiative_page_shows_progress(client, world):
    initiative = world["initiative"]
    InitiativeUpdateFactory(initiative=initiative, text="Koordinator ansat.")
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Koordinator ansat." in page
    assert "1. marts 2011" in page
    assert "Tilføj opfølgning" not in page


def test_administrator_adds_progress_update(client, world, administrator):
    initiative = world["initiative"]
    client.force_login(administrator)
    url = reverse(
        "actionplans:initiative_progress",
        kwargs={"pk": initiative.plan_id, "letter": initiative.letter},
    )
    response = client.post(url, {"date": "2011-06-01", "text": "Første temamøde holdt."})
    assert response.status_code == 302
    update = initiative.updates.latest("created_at")
    assert (update.text, update.author) == ("Første temamøde holdt.", administrator)


def test_submit_and_delete_drafts(client, world, administrator):
    client.force_login(administrator)
    draft = world["draft_plan"]
    client.post(reverse("actionplans:plan_submit", kwargs={"pk": draft.pk}))
    draft.refresh_from_db()
    assert draft.status == "submitted"
    # No longer a draft, so it cannot be deleted any more.
    response = client.post(reverse("actionplans:plan_delete", kwargs={"pk": draft.pk}))
    assert response.status_code == 403
    assert ActionPlan.objects.filter(pk=draft.pk).exists()


def test_submit_page_explains_when_a_plan_cannot_be_submitted(client, world, administrator):
    client.force_login(administrator)
    plan = world["plan"]
    url = reverse("actionplans:plan_submit", kwargs={"pk": plan.pk})
    assert "kan ikke indstilles" in client.get(url).content.decode()
    client.post(url)
    plan.refresh_from_db()
    assert plan.status == "approved"


def test_deleting_an_initiative_keeps_the_other_letters(client, world, administrator):
    plan = world["draft_plan"]
    b = InitiativeFactory(plan=plan)
    c = InitiativeFactory(plan=plan)
    client.force_login(administrator)
    response = client.post(
        reverse("actionplans:initiative_delete", kwargs={"pk": plan.pk, "letter": b.letter})
    )
    assert response.status_code == 302
    response = client.post(
        reverse("actionplans:initiative_create", kwargs={"pk": plan.pk}),
        {"title": "Nyt", "funding": "within_budget", "recurrence": "yearly", "status": "planned"},
    )
    assert list(plan.initiatives.values_list("letter", flat=True)) == ["A", c.letter, "D"]


def test_initiative_of_another_plan_is_not_found(client, world):
    other = InitiativeFactory(plan=ApprovedActionPlanFactory())
    url = reverse("actionplans:initiative_detail", kwargs={"pk": world["plan"].pk, "letter": "B"})
    assert client.get(url).status_code == 404
    assert client.get(other.get_absolute_url()).status_code == 200


def test_csv_export(client, world):
    plan = world["plan"]
    InitiativeFactory(
        plan=plan,
        title='=HYPERLINK("http://example.com")',
        cost=Decimal("100000.50"),
        funding="external",
        fund_name="ABT-fonden",
        recurrence="one_off",
    )
    response = client.get(reverse("actionplans:plan_csv", kwargs={"pk": plan.pk}))
    assert response["Content-Type"].startswith("text/csv")
    assert "handleplan-2009-93482-initiativer.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Bogstav", "Titel", "Beskrivelse"]
    assert rows[1][0] == "A"
    assert rows[2][1].startswith("'=")  # a formula is shown as text, not run
    assert rows[2][5:9] == ["Ekstern finansiering", "ABT-fonden", "100000,50", "Engangsudgift"]


@pytest.mark.parametrize("size", [3, 60])
def test_plan_page_query_count_is_constant(
    client, world, administrator, size, django_assert_num_queries
):
    """Acceptance 5: the same number of queries for 3 and for 60 initiatives."""
    plan = ApprovedActionPlanFactory()
    for _ in range(size):
        InitiativeFactory(plan=plan, responsible_unit=world["unit"])
    plan.status_changes.create(from_status="submitted", to_status="approved")
    for i in range(size):
        plan.title = f"Handleplan {i}"
        plan.save()
    # plan, recommenders, initiatives, status changes, economy, history count and page
    # (and, for a logged-in user, session, user, the staffed units and council seats).
    with django_assert_num_queries(7):
        assert client.get(detail(plan)).status_code == 200
    client.force_login(administrator)
    with django_assert_num_queries(11):
        assert client.get(detail(plan)).status_code == 200


@pytest.mark.parametrize("size", [3, 60])
def test_plan_list_query_count_is_constant(client, world, size, django_assert_num_queries):
    for _ in range(size):
        ApprovedActionPlanFactory()
    with django_assert_num_queries(2):  # count and page
        assert client.get(reverse("actionplans:plan_list")).status_code == 200


@pytest.mark.parametrize("size", [3, 60])
def test_initiative_page_query_count_is_constant(
    client, world, member, size, django_assert_num_queries
):
    initiative = world["initiative"]
    for i in range(size):
        InitiativeUpdateFactory(initiative=initiative)
        initiative.unit_goals.add(UnitGoalFactory(policy=world["policy"]))
        initiative.agenda_items.add(AgendaItemFactory(meeting=world["public_meeting"]))
        initiative.title = f"Initiativ {i}"
        initiative.save()
    # plan, initiative, updates, goals, agenda items, history count and page
    with django_assert_num_queries(7):
        page = client.get(initiative.get_absolute_url())
    assert page.content.decode().count("<li><a href=") >= 2 * size
    client.force_login(member)
    # + session, user, and the member's units and councils (header roles, visibility)
    with django_assert_num_queries(11):
        assert client.get(initiative.get_absolute_url()).status_code == 200


def test_list_is_paginated_by_50(client, world):
    for _ in range(51):
        ApprovedActionPlanFactory()
    response = client.get(reverse("actionplans:plan_list"))
    assert len(response.context["plans"]) == 50
    assert "Side 1 af 2" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading", "decision"),
    [
        ("en", "Initiatives", "Decision of Socialudvalget on"),
        ("nb", "Tiltak", "Vedtak i Socialudvalget"),
    ],
)
def test_plan_page_is_translated(client, world, language, heading, decision):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    page = client.get(detail(world["plan"])).content.decode()
    assert f'<html lang="{language}">' in page
    assert f'id="initiatives-heading">{heading}</h2>' in page
    assert decision in page


def test_initiative_shows_only_the_links_each_reader_may_see(client, world, member, administrator):
    initiative = world["initiative"]
    url = initiative.get_absolute_url()
    visible = {world["goal"].title, world["public_item"].title}
    hidden = {world["draft_goal"].title, world["item"].title}
    page = client.get(url).content.decode()
    assert all(title in page for title in visible)
    assert not any(title in page for title in hidden)
    assert world["goal"].get_absolute_url() in page
    assert world["public_item"].get_absolute_url() in page
    # A member of the council reads its agenda; goals follow the policies app's rule.
    client.force_login(member)
    page = client.get(url).content.decode()
    assert world["item"].title in page
    may_read_draft_goal = UnitGoal.objects.visible_to(member).filter(pk=world["draft_goal"].pk)
    assert (world["draft_goal"].title in page) == may_read_draft_goal.exists()
    client.force_login(administrator)
    page = client.get(url).content.decode()
    assert all(title in page for title in visible | hidden)


def test_initiative_without_links_has_no_links_section(client, world):
    page = client.get(world["draft_initiative"].get_absolute_url())
    assert page.status_code == 404  # a draft's initiative is hidden from the public
    page = client.get(InitiativeFactory(plan=world["plan"]).get_absolute_url()).content.decode()
    assert "Sammenhæng" not in page


def test_administrator_links_goals_and_agenda_items(client, world, administrator):
    plan = world["plan"]
    client.force_login(administrator)
    url = reverse("actionplans:initiative_create", kwargs={"pk": plan.pk})
    form = client.get(url).content.decode()
    # Choices name the goal's unit and year and the item's council and meeting.
    assert f"{world['goal'].title} ({world['unit'].name}, 2011)" in form
    assert world["meeting"].council.name in form
    response = client.post(
        url,
        {
            "title": "Netværksmøder",
            "funding": "within_budget",
            "recurrence": "yearly",
            "status": "planned",
            "unit_goals": [world["goal"].pk],
            "agenda_items": [world["item"].pk, world["public_item"].pk],
        },
    )
    assert response.status_code == 302
    initiative = plan.initiatives.get(title="Netværksmøder")
    assert list(initiative.unit_goals.all()) == [world["goal"]]
    assert set(initiative.agenda_items.all()) == {world["item"], world["public_item"]}
    edit = reverse(
        "actionplans:initiative_update", kwargs={"pk": plan.pk, "letter": initiative.letter}
    )
    client.post(
        edit,
        {
            "title": "Netværksmøder",
            "funding": "within_budget",
            "recurrence": "yearly",
            "status": "in_progress",
            "unit_goals": [],
            "agenda_items": [world["public_item"].pk],
        },
    )
    assert not initiative.unit_goals.exists()
    assert list(initiative.agenda_items.all()) == [world["public_item"]]


def test_unknown_goal_is_refused_and_nothing_stored(client, world, administrator):
    plan = world["plan"]
    client.force_login(administrator)
    before = plan.initiatives.count()
    response = client.post(
        reverse("actionplans:initiative_create", kwargs={"pk": plan.pk}),
        {
            "title": "Netværksmøder",
            "funding": "within_budget",
            "recurrence": "yearly",
            "status": "planned",
            "unit_goals": [999999],
        },
    )
    assert "Marker en gyldig valgmulighed" in response.context["form"].errors["unit_goals"][0]
    assert plan.initiatives.count() == before


def test_csv_lists_only_visible_links(client, world, administrator):
    url = reverse("actionplans:plan_csv", kwargs={"pk": world["plan"].pk})
    public_row = client.get(url).content.decode("utf-8").splitlines()[1]
    assert world["goal"].title in public_row and world["public_item"].title in public_row
    assert world["draft_goal"].title not in public_row and world["item"].title not in public_row
    client.force_login(administrator)
    admin_row = client.get(url).content.decode("utf-8").splitlines()[1]
    assert world["draft_goal"].title in admin_row and world["item"].title in admin_row


def test_django_admin_pages_for_initiatives_open(client, world, administrator):
    client.force_login(administrator)
    initiative = world["initiative"]
    assert (
        client.get(reverse("admin:actionplans_initiative_change", args=[initiative.pk])).status_code
        == 200
    )
    assert (
        client.get(
            reverse("admin:actionplans_actionplan_change", args=[initiative.plan_id])
        ).status_code
        == 200
    )
    # A plan that has been before the committee cannot be deleted, not even in the admin.
    assert (
        client.get(
            reverse("admin:actionplans_actionplan_delete", args=[initiative.plan_id])
        ).status_code
        == 403
    )
