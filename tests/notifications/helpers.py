"""A small council for the notification tests: three members and a published meeting."""

from dataclasses import dataclass

import pytest
from django.core import mail

from councils.models import SeatType
from notifications.models import NotificationProfile, NotificationSetting
from tests.accounts.factories import UserFactory
from tests.councils.factories import (
    AgendaItemFactory,
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
)


@dataclass
class Council:
    council: object
    alice: object
    bob: object
    carol: object
    meeting: object
    item: object


def make_council(name="Brugerrådet for Værestedet"):
    council = CouncilFactory(name=name)
    alice = UserFactory(full_name="Alice Andersen")
    bob = UserFactory(full_name="Bo Berg")
    carol = UserFactory(full_name="Carla Clausen")
    for user in (alice, bob, carol):
        MembershipFactory(council=council, user=user, seat_type=SeatType.USER)
    meeting = MeetingFactory(council=council, title="Ordinært møde")
    item = AgendaItemFactory(meeting=meeting, number=1, title="Budget for næste år")
    return Council(council, alice, bob, carol, meeting, item)


def choose(user, kind, frequency, language=None):
    NotificationSetting.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )
    if language:
        NotificationProfile.objects.update_or_create(user=user, defaults={"language": language})


def sent_to(address):
    return [m for m in mail.outbox if address in m.to]


@pytest.fixture
def small(db):
    return make_council()
