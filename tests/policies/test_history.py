"""Every change to a goal is recorded and shown on its page: who, when, which fields, before/after."""

import pytest
from django.urls import reverse

from organisation.models import FocusArea
from policies.history import history_entries
from tests.policies.helpers import goal_post_data

pytestmark = pytest.mark.django_db


def test_goal_page_shows_who_changed_which_fields_before_and_after(
    client, world, caseworker, administrator
):
    goal = world["goal"]
    client.force_login(caseworker)
    url = reverse("policies:goal_edit", args=[goal.pk])
    client.post(url, goal_post_data(goal, status="met", level="influence"))
    client.force_login(administrator)
    second_area = FocusArea.objects.get(number=2).pk
    client.post(
        url,
        goal_post_data(goal, status="met", level="influence", version=2, focus_area=second_area),
    )

    entries = history_entries(goal)
    assert [e.kind for e in entries] == ["~", "~", "+"]
    newest, middle = entries[0], entries[1]
    assert newest.who == administrator
    assert [(c.label, c.before, c.after) for c in newest.changes] == [
        ("Fokusområde", "1) Voksne med særlige behov", "2) Børnefamilier med særlige behov")
    ]
    assert middle.who == caseworker
    assert {(c.label, c.before, c.after) for c in middle.changes} == {
        ("Trin på inddragelsestrappen", "Brugerinddragelse", "Brugerindflydelse"),
        ("Status", "I gang", "Opfyldt"),
    }
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Historik" in page
    assert caseworker.full_name in page and administrator.full_name in page
    assert "2) Børnefamilier med særlige behov" in page


def test_the_public_sees_the_history_without_names(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    client.post(reverse("policies:goal_edit", args=[goal.pk]), goal_post_data(goal, status="met"))
    client.logout()
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Opfyldt" in page
    assert caseworker.full_name not in page


def test_saving_without_changes_adds_no_entry(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    client.post(reverse("policies:goal_edit", args=[goal.pk]), goal_post_data(goal))
    assert [e.kind for e in history_entries(goal)] == ["+"]
