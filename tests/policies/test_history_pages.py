"""The change history on policy, goal and update pages is shown 50 records at a time."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from policies.history import PER_PAGE
from policies.models import GoalUpdate, PolicyVersion, UnitGoal
from tests.policies.factories import GoalUpdateAttachmentFactory

pytestmark = pytest.mark.django_db


def _change(obj, field, values, user):
    for value in values:
        setattr(obj, field, value)
        obj._history_user = user
        obj.save()


def _history(response):
    return response.context["history"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_goal_history_pages_hold_50_records_newest_first(client, world, caseworker):
    goal = world["goal"]
    _change(goal, "title", [f"Titel {i}" for i in range(1, 121)], caseworker)
    assert UnitGoal.history.filter(id=goal.pk).count() == 121
    client.force_login(caseworker)  # an editor reads the earlier wording

    first = _history(client.get(goal.get_absolute_url()))
    assert first.paginator.num_pages == 3
    assert len(first) == PER_PAGE
    assert first[0].changes[0].after == "Titel 120"
    assert first[0].changes[0].before == "Titel 119"
    # The oldest on the page is compared with the record before it, on the next page.
    assert (first[-1].changes[0].before, first[-1].changes[0].after) == ("Titel 70", "Titel 71")
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "historik=2#historik" in page
    assert "Side 1 af 3" in page

    last = _history(client.get(goal.get_absolute_url(), {"historik": 3}))
    assert len(last) == 21
    assert last[-1].kind == "+"
    assert (last[0].changes[0].before, last[0].changes[0].after) == ("Titel 19", "Titel 20")
    # A page number out of range shows the last page rather than an error.
    assert _history(client.get(goal.get_absolute_url(), {"historik": 99})).number == 3


def test_goal_page_reads_the_same_queries_with_10_and_500_changes(client, world, caseworker):
    goal = world["goal"]
    _change(goal, "status", ["met", "in_progress"] * 5, caseworker)
    small = _queries(client, goal.get_absolute_url())
    _change(goal, "status", ["met", "in_progress"] * 245, caseworker)
    assert UnitGoal.history.filter(id=goal.pk).count() > 500
    assert _queries(client, goal.get_absolute_url()) == small
    assert len(_history(client.get(goal.get_absolute_url()))) == PER_PAGE


def test_policy_history_is_paginated(client, world, administrator):
    draft = world["draft_policy"]
    _change(draft, "summary", [f"Resumé {i}" for i in range(60)], administrator)
    client.force_login(administrator)
    url = reverse("policies:version_detail", args=[draft.pk])
    history = _history(client.get(url))
    assert PolicyVersion.history.filter(id=draft.pk).count() == 61
    assert (len(history), history.paginator.num_pages) == (PER_PAGE, 2)
    assert len(_history(client.get(url, {"historik": 2}))) == 11


def test_update_history_pages_show_the_attachments_of_their_time(client, world, caseworker):
    update = world["update"]
    _change(update, "what_changed", [f"Ændring {i}" for i in range(1, 6)], caseworker)
    GoalUpdateAttachmentFactory(update=update, original_name="midt.pdf")
    _change(update, "what_changed", [f"Ændring {i}" for i in range(6, 61)], caseworker)
    GoalUpdateAttachmentFactory(update=update, original_name="nyeste.pdf")
    assert GoalUpdate.history.filter(id=update.pk).count() == 61
    client.force_login(caseworker)  # an editor reads the file names

    first = client.get(update.get_absolute_url())
    notes = [e.note for e in _history(first) if e.note]
    assert notes == ["Bilag tilføjet: nyeste.pdf"]
    assert _history(first)[0].note == "Bilag tilføjet: nyeste.pdf"
    second = client.get(update.get_absolute_url(), {"historik": 2})
    notes = [str(e.note) for e in _history(second) if e.note]
    # world["update"] already had its attachment (referat.pdf) from the start.
    assert "Bilag tilføjet: midt.pdf" in notes
    assert "Bilag tilføjet: nyeste.pdf" not in notes
