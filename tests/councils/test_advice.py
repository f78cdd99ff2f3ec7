"""The council's statements and the administration's answers: was the council heard?"""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from councils.models import ItemKind, Response, Statement
from councils.selectors import advice_summary
from tests.councils.factories import (
    AgendaItemFactory,
    MeetingFactory,
    ResponseFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def _statement(council, given_on, *, answer_after=None, first_put_on=None, decided_after=None):
    meeting = MeetingFactory(council=council)
    item = AgendaItemFactory(meeting=meeting, kind=ItemKind.HEARING, first_put_on=first_put_on)
    statement = StatementFactory(item=item, given_on=given_on)
    if answer_after is not None:
        ResponseFactory(
            statement=statement,
            answered_on=given_on + timedelta(days=answer_after),
            decided_on=given_on + timedelta(days=decided_after)
            if decided_after is not None
            else None,
        )
    return statement


def test_figures_for_the_current_term(world):
    council = world["council"]
    council.term_start, council.term_end = date(2026, 1, 1), date(2029, 12, 31)
    council.save()
    _statement(council, date(2025, 6, 1), answer_after=100)  # before the term
    _statement(
        council, date(2026, 2, 1), answer_after=10, first_put_on=date(2026, 1, 20), decided_after=5
    )
    _statement(
        council, date(2026, 3, 1), answer_after=30, first_put_on=date(2026, 2, 1), decided_after=40
    )
    _statement(council, date(2026, 4, 1))
    Statement.objects.filter(item=world["held_item"]).update(given_on=date(2026, 5, 1))

    summary = advice_summary(council, world.users["member"])
    assert summary.given == 4
    assert summary.answered == 2
    assert summary.median_days_to_answer == 20
    # Lead times: 2026-01-20 → 2026-02-06 (17 days) and 2026-02-01 → 2026-04-10 (68 days).
    assert summary.median_lead_time == 42.5
    assert summary.short_lead_times == 0


def test_short_lead_time_is_flagged(client, world):
    council = world["council"]
    council.meetings_public = True
    council.save()
    _statement(
        council,
        date.today(),
        answer_after=3,
        first_put_on=date.today() - timedelta(days=2),
        decided_after=1,
    )
    body = client.get(reverse("councils:detail", args=[council.pk])).content.decode()
    assert "I 1 sag fik rådet under 14 dage" in body
    assert "3 dage" in body


def test_public_sees_figures_but_not_members_only_items(client, world):
    body = client.get(reverse("councils:detail", args=[world["council"].pk])).content.decode()
    assert "Udtalelser afgivet" in body
    assert "Høring om bostøtte" not in body
    client.force_login(world.users["member"])
    body = client.get(reverse("councils:detail", args=[world["council"].pk])).content.decode()
    assert "Høring om bostøtte" in body


def test_secretary_records_a_statement(client, secretary, world):
    item = world["item"]
    client.force_login(secretary)
    client.post(
        reverse("councils:statement", args=[item.pk]),
        {
            "text": "Rådet anbefaler aftenåbning.",
            "given_on": "2026-03-02",
            "first_put_on": "2026-02-20",
        },
    )
    item.refresh_from_db()
    assert item.statement.text == "Rådet anbefaler aftenåbning."
    assert item.first_put_on == date(2026, 2, 20)


def test_statement_only_on_hearing_and_budget_items(client, secretary, world):
    client.force_login(secretary)
    response = client.get(reverse("councils:statement", args=[world["item2"].pk]))
    assert response.status_code == 403


def test_statement_cannot_come_before_the_item(client, secretary, world):
    client.force_login(secretary)
    response = client.post(
        reverse("councils:statement", args=[world["item"].pk]),
        {"text": "x", "given_on": "2026-03-02", "first_put_on": "2026-03-05"},
    )
    assert "kan ikke være forelagt rådet efter udtalelsen" in response.content.decode()
    assert not Statement.objects.filter(item=world["item"]).exists()


def test_administrator_answers(client, administrator, world, member):
    statement = world["statement"]
    client.force_login(administrator)
    url = reverse("councils:response", args=[world["held_item"].pk])
    too_early = client.post(
        url,
        {
            "outcome": "not_followed",
            "reasons": "Økonomien tillader det ikke.",
            "answered_on": (statement.given_on - timedelta(days=1)).isoformat(),
        },
    )
    assert "Svaret kan ikke være givet før udtalelsen." in too_early.content.decode()
    assert not Response.objects.exists()
    client.post(
        url,
        {
            "outcome": "not_followed",
            "reasons": "Økonomien tillader det ikke.",
            "answered_on": (statement.given_on + timedelta(days=12)).isoformat(),
        },
    )
    response = Response.objects.get()
    assert response.days_to_answer == 12
    client.force_login(member)
    body = client.get(world["held_meeting"].get_absolute_url()).content.decode()
    assert "Ikke fulgt" in body and "Økonomien tillader det ikke." in body
