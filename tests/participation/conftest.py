from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from councils.models import SeatType
from tests.accounts.factories import UserFactory
from tests.councils.factories import (
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
    SeatRuleFactory,
)


@dataclass
class Board:
    """A council with seat rules, members, two substitutes for one seat and a meeting."""

    council: object
    meeting: object
    secretary: object
    member: object
    seat: object  # member's user seat
    sub1: object
    sub2: object
    seats: dict


@pytest.fixture
def board(db):
    council = CouncilFactory(name="Brugerrådet for Bostøtten")
    for seat_type, count, vote in [
        (SeatType.USER, 2, True),
        (SeatType.RELATIVE, 1, True),
        (SeatType.STAFF, 2, True),
        (SeatType.POLITICIAN, 1, True),
        (SeatType.SECRETARY, 1, False),
    ]:
        SeatRuleFactory(council=council, seat_type=seat_type, required_count=count, can_vote=vote)

    def seat(seat_type, name, **kwargs):
        user = UserFactory(full_name=name)
        return MembershipFactory(council=council, user=user, seat_type=seat_type, **kwargs)

    seats = {
        "user1": seat(SeatType.USER, "Ulla Bruger"),
        "user2": seat(SeatType.USER, "Uffe Bruger"),
        "relative": seat(SeatType.RELATIVE, "Pia Pårørende"),
        "staff1": seat(SeatType.STAFF, "Mads Medarbejder"),
        "staff2": seat(SeatType.STAFF, "Mette Medarbejder"),
        "politician": seat(SeatType.POLITICIAN, "Poul Politiker"),
        "secretary": seat(SeatType.SECRETARY, "Sofie Sekretær"),
    }
    user_seat = seats["user1"]
    sub1 = seat(SeatType.USER, "Søren Suppleant", substitute_for=user_seat)
    sub2 = seat(SeatType.USER, "Sanne Suppleant", substitute_for=user_seat)
    meeting = MeetingFactory(
        council=council, title="Ordinært møde", starts_at=timezone.now() + timedelta(days=7)
    )
    return Board(
        council=council,
        meeting=meeting,
        secretary=seats["secretary"].user,
        member=user_seat.user,
        seat=user_seat,
        sub1=sub1,
        sub2=sub2,
        seats=seats,
    )
