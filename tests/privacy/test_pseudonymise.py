"""Point 1: pseudonymising a former member leaves every approved record as it was except the
name, and the name and e-mail occur nowhere in the database afterwards."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import timezone

from councils.models import (
    Attendance,
    AttendanceStatus,
    CalendarToken,
    Comment,
    MeetingVisit,
    SeatType,
)
from privacy.models import PrivacyAction
from privacy.pseudonymise import pseudonymise
from tests.accounts.factories import UserFactory
from tests.accounts.mfa_helpers import add_totp
from tests.councils.factories import CalendarTokenFactory, CommentFactory, MembershipFactory
from tests.policies.factories import GoalUpdateFactory
from tests.privacy.helpers import tables_containing, without_csrf

NAME, EMAIL = "Tove Testesen", "tove.testesen@example.org"
pytestmark = pytest.mark.django_db


@pytest.fixture
def former(world):
    person = UserFactory(full_name="Tove Tidlig", email=EMAIL)
    person.full_name = NAME  # a second history version that holds the name
    person.save()
    council = world["council"]
    today = timezone.localdate()
    membership = MembershipFactory(
        council=council,
        user=person,
        seat_type=SeatType.USER,
        organisation=world["organisation"],
        start=today - timedelta(days=400),
        description="Formand for beboerforeningen",
        end=today - timedelta(days=10),
    )
    Attendance.objects.create(
        meeting=world["approved_meeting"], membership=membership, status=AttendanceStatus.PRESENT
    )
    CommentFactory(item=world["approved_item"], author=person, text="Jeg er enig i punktet.")
    CalendarTokenFactory(user=person)
    add_totp(person)
    # A goal update that once named her; the name was corrected, history still holds it.
    update = GoalUpdateFactory(goal=world["goal"], participants=f"Brugerrådet og {NAME}")
    update.participants = "Brugerrådet"
    update.save()
    LogEntry.objects.log_actions(
        user_id=world.users["administrator"].pk,
        queryset=[membership],
        action_flag=CHANGE,
        change_message=f"Ændrede medlemskab for {NAME}",
        single_object=True,
    )
    return person


def _pages(client, world):
    urls = [
        world["approved_meeting"].get_absolute_url(),
        reverse("councils:detail", args=[world["council"].pk]),
    ]
    pages = {}
    for role in ["administrator", "member", "anonymous"]:
        client.logout()
        if role != "anonymous":
            client.force_login(world.users[role])
        for url in urls:
            # "New since you last opened" depends on the visit, not on the record: start equal.
            MeetingVisit.objects.all().delete()
            response = client.get(url)
            assert response.status_code in (200, 302)
            pages[(role, url)] = without_csrf(response.content.decode())
    return pages


def test_approved_pages_read_as_before_except_the_name_and_nothing_remains(client, world, former):
    client.force_login(former)  # a session that must end
    before = _pages(client, world)
    assert any(NAME in html for html in before.values())
    assert tables_containing(NAME, EMAIL)

    record = pseudonymise(user=former, actor=world.users["administrator"], reason="Udtrådt.")

    former.refresh_from_db()
    pseudonym = former.full_name
    assert pseudonym == f"Tidligere medlem {former.pk} (RIO)"
    after = _pages(client, world)
    for key, html in before.items():
        assert after[key] == html.replace(NAME, pseudonym), key
    assert tables_containing(NAME, EMAIL) == []

    assert not former.is_active and not former.has_usable_password()
    assert former.email.endswith(".invalid")
    assert not CalendarToken.objects.filter(user=former).exists()
    assert not Authenticator.objects.filter(user=former).exists()
    assert not former.emailaddress_set.exists()
    # Comments keep their text under the pseudonym; seats and attendance are kept.
    assert Comment.objects.get(author=former).text == "Jeg er enig i punktet."
    assert Attendance.objects.filter(membership__user=former).count() == 1
    seat = former.council_memberships.get()
    assert seat.end is not None and seat.seat_type == SeatType.USER
    assert seat.description == "" and not seat.listed_publicly
    assert record.target_user_id == former.pk and record.target_repr == pseudonym
    assert record.actor == world.users["administrator"]


def test_the_reason_is_stored_without_the_persons_name(world, former):
    record = pseudonymise(user=former, actor=None, reason=f"{NAME} bad om sletning ({EMAIL}).")
    assert NAME not in record.reason and EMAIL not in record.reason


def test_a_second_time_is_refused(world, former):
    pseudonymise(user=former, actor=None, reason="Udtrådt.")
    with pytest.raises(Exception, match="allerede"):
        pseudonymise(user=former, actor=None, reason="Igen.")
    assert PrivacyAction.objects.count() == 1


def test_the_confirmation_page_lists_mentions_in_other_peoples_text(client, world, former):
    meeting = world["approved_meeting"]
    meeting.minutes = f"Til stede: {NAME} og Kamma Kollega."
    meeting.save()
    CommentFactory(item=world["item"], author=world.users["member"], text=f"Tak til {NAME}!")
    client.force_login(world.users["administrator"])
    url = reverse("privacy:pseudonymise", args=[former.pk])

    page = client.get(url).content.decode()

    assert "Til stede: Tove Testesen og Kamma" in page
    assert "Tak til Tove Testesen!" in page
    assert "referat" in page and "kommentar" in page
    assert f"Tidligere medlem {former.pk} (RIO)" in page


def test_the_action_needs_a_reason_and_a_confirmation(client, world, former):
    client.force_login(world.users["administrator"])
    url = reverse("privacy:pseudonymise", args=[former.pk])

    response = client.post(url, {"reason": "", "confirm": ""})

    assert response.status_code == 200
    assert "Skriv en begrundelse" in response.content.decode()
    assert "Sæt kryds" in response.content.decode()
    former.refresh_from_db()
    assert former.full_name == NAME

    response = client.post(url, {"reason": "Udtrådt af rådet.", "confirm": "on"})
    assert response.status_code == 302
    former.refresh_from_db()
    assert former.full_name.startswith("Tidligere medlem")


def test_the_user_admin_offers_the_action(client, world, former):
    client.force_login(world.users["administrator"])
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "pseudonymise_user", "_selected_action": [former.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:pseudonymise", args=[former.pk])


def test_hidden_text_is_not_quoted_among_the_mentions(client, world, former):
    from django.utils import timezone as tz

    CommentFactory(
        item=world["item"],
        author=world.users["member"],
        text=f"Skjult om {NAME}.",
        hidden_at=tz.now(),
        hidden_by=world.users["secretary"],
    )
    client.force_login(world.users["administrator"])
    page = client.get(reverse("privacy:pseudonymise", args=[former.pk])).content.decode()
    assert "Skjult om" not in page
