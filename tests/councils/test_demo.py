from io import StringIO

import pytest
from django.core.management import call_command

from councils.demo import RELATIVES_COUNCIL, USER_COUNCIL
from councils.models import (
    Comment,
    Council,
    ItemKind,
    MeetingStatus,
    Membership,
    ResponseOutcome,
    SeatType,
)
from councils.selectors import active_memberships, composition

pytestmark = pytest.mark.django_db


def _counts():
    return (Council.objects.count(), Membership.objects.count(), Comment.objects.count())


def test_demo_loads_twice_with_the_same_result():
    call_command("load_demo", "--force-insecure-demo", stdout=StringIO())
    first = _counts()
    call_command("load_demo", "--force-insecure-demo", stdout=StringIO())
    assert _counts() == first

    council = Council.objects.get(name=USER_COUNCIL)
    seats = composition(council, active_memberships(council))
    by_type = {row.seat_type: row for row in seats.rows}
    # Seed 004 §32: 6 user and relative seats, 2 staff, 2 politicians, ombud and unit leader.
    assert by_type[SeatType.USER].filled + by_type[SeatType.RELATIVE].filled == 6
    assert by_type[SeatType.STAFF].filled == 2 and by_type[SeatType.POLITICIAN].filled == 2
    assert not by_type[SeatType.SECRETARY].rights.vote
    assert by_type[SeatType.UNIT_LEADER].rights.speak_and_propose
    assert by_type[SeatType.UNIT_LEADER].rights.must_attend
    assert not seats.symbolic_participation and not seats.unfilled
    orgs = set(
        council.memberships.exclude(organisation=None).values_list(
            "organisation__abbreviation", flat=True
        )
    )
    assert orgs == {"RIO", "MH", "LPP", "MARBORG", "LMS", "ADHD"}
    secretary = council.memberships.get(seat_type=SeatType.SECRETARY).user
    assert secretary.email == "sekretaer@demokommune.example"

    upcoming = council.meetings.get(status=MeetingStatus.PUBLISHED)
    budget = upcoming.items.get(kind=ItemKind.BUDGET)
    assert budget.comments.count() >= 2 and budget.attachments.exists()
    past = council.meetings.get(status=MeetingStatus.MINUTES_APPROVED)
    assert past.minutes
    assert past.items.filter(statement__response__outcome=ResponseOutcome.PARTLY_FOLLOWED).exists()

    relatives = Council.objects.get(name=RELATIVES_COUNCIL)
    assert composition(relatives, active_memberships(relatives)).symbolic_participation
    assert relatives.memberships.filter(user__email="andetraad@demokommune.example").exists()
