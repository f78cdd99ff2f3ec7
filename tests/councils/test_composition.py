"""Required vs filled seats, and the warning of seed 004 §14 (symbolic participation)."""

import pytest
from django.urls import reverse

from councils.models import SeatType
from councils.selectors import active_memberships, composition
from tests.councils.factories import CouncilFactory, MembershipFactory, SeatRuleFactory

pytestmark = pytest.mark.django_db

MINORITY = "har ikke flertal blandt de stemmeberettigede"


def _council(rules, members):
    council = CouncilFactory()
    for seat_type, count, vote in rules:
        SeatRuleFactory(council=council, seat_type=seat_type, required_count=count, can_vote=vote)
    for seat_type, count in members:
        for _ in range(count):
            MembershipFactory(council=council, seat_type=seat_type)
    return council


def _composition(council):
    return composition(council, active_memberships(council))


def test_seed_004_council_has_a_user_majority():
    council = _council(
        [
            (SeatType.USER, 4, True),
            (SeatType.RELATIVE, 2, True),
            (SeatType.STAFF, 2, True),
            (SeatType.POLITICIAN, 2, True),
            (SeatType.SECRETARY, 1, False),
            (SeatType.UNIT_LEADER, 1, False),
        ],
        [
            (SeatType.USER, 4),
            (SeatType.RELATIVE, 2),
            (SeatType.STAFF, 2),
            (SeatType.POLITICIAN, 2),
            (SeatType.SECRETARY, 1),
            (SeatType.UNIT_LEADER, 1),
        ],
    )
    result = _composition(council)
    assert (result.voting_user_side, result.voting_total) == (6, 10)
    assert not result.symbolic_participation
    assert not result.unfilled


def test_half_is_not_a_majority(client):
    council = _council(
        [(SeatType.USER, 2, True), (SeatType.STAFF, 2, True)],
        [(SeatType.USER, 2), (SeatType.STAFF, 2)],
    )
    assert _composition(council).symbolic_participation
    body = client.get(reverse("councils:detail", args=[council.pk])).content.decode()
    assert MINORITY in body
    assert "(2 af 4)" in body


def test_unfilled_required_seats_are_named(client):
    council = _council(
        [(SeatType.USER, 3, True), (SeatType.SECRETARY, 1, False)],
        [(SeatType.USER, 1), (SeatType.SECRETARY, 1)],
    )
    result = _composition(council)
    assert [(row.seat_type, row.missing) for row in result.unfilled] == [(SeatType.USER, 2)]
    body = client.get(reverse("councils:detail", args=[council.pk])).content.decode()
    assert "2 pladser som Brugerrepræsentant er ikke besat (1 af 3)." in body
    assert MINORITY not in body


def test_substitutes_and_former_members_do_not_fill_seats():
    council = _council([(SeatType.USER, 1, True), (SeatType.STAFF, 1, True)], [(SeatType.STAFF, 1)])
    holder = MembershipFactory(council=council, seat_type=SeatType.USER)
    holder.end = holder.start
    holder.save()
    MembershipFactory(council=council, seat_type=SeatType.USER, substitute_for=holder)
    result = _composition(council)
    assert [row.seat_type for row in result.unfilled] == [SeatType.USER]
    assert result.symbolic_participation


def test_non_voting_seats_do_not_count():
    council = _council(
        [
            (SeatType.USER, 1, True),
            (SeatType.UNIT_LEADER, 1, False),
            (SeatType.SECRETARY, 1, False),
        ],
        [(SeatType.USER, 1), (SeatType.UNIT_LEADER, 1), (SeatType.SECRETARY, 1)],
    )
    assert _composition(council).voting_total == 1
    assert not _composition(council).symbolic_participation
