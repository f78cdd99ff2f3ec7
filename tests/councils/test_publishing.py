"""Publishing an agenda (acceptance 6) and the meeting's status flow."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from councils import services
from councils.models import AgendaNotification, MeetingStatus, SeatType
from councils.tasks import send_agenda_notifications
from outbox.models import Message, Status
from outbox.tasks import send_due
from tests.accounts.factories import UserFactory
from tests.councils.factories import AgendaItemFactory, MembershipFactory
from tests.outbox.backends import FailsForBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(client, secretary, django_capture_on_commit_callbacks):
    client.force_login(secretary)

    def _publish(meeting):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("councils:meeting_publish", args=[meeting.pk]))

    return _publish


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_publishing_twice_sends_one_email_per_member(publish, world):
    meeting = world["planned_meeting"]
    members = sorted(
        [world.users["member"].email, world.users["secretary"].email, world["colleague"].email]
    )
    publish(meeting)
    assert _recipients() == members
    publish(meeting)
    assert _recipients() == members
    assert AgendaNotification.objects.filter(meeting=meeting).count() == 3
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED


def test_the_email_is_danish_with_the_link(publish, world):
    meeting = world["planned_meeting"]
    publish(meeting)
    message = next(m for m in mail.outbox if m.to == [world.users["member"].email])
    assert message.subject.startswith("Dagsorden: Brugerrådet for Rusenheden")
    assert f"http://testserver/raad/moede/{meeting.pk}/" in message.body
    assert "Kære Mia Medlem" in message.body
    assert "Udkast til budget" in message.body
    html = message.alternatives[0][0]
    assert f'href="http://testserver/raad/moede/{meeting.pk}/"' in html


def test_a_changed_agenda_is_sent_again_once(publish, world):
    meeting = world["planned_meeting"]
    publish(meeting)
    AgendaItemFactory(meeting=meeting, number=2, title="Nyt punkt")
    publish(meeting)
    publish(meeting)
    assert len(mail.outbox) == 6
    assert sum("Opdateret dagsorden" in m.subject for m in mail.outbox) == 3


def _enqueue(meeting):
    with transaction.atomic():
        return services.enqueue_agenda_mails(meeting)


def test_rerunning_the_sender_sends_nothing_twice(world):
    meeting = world["meeting"]
    assert _enqueue(meeting) == 3
    assert send_due.delay().get() == 3
    assert send_due.delay().get() == 0
    # The task queued before the outbox existed finds everyone notified.
    assert send_agenda_notifications.delay(meeting.pk).get() == 0
    assert send_due.delay().get() == 0
    assert len(mail.outbox) == 3


def test_inactive_and_former_members_get_no_email(world):
    meeting = world["meeting"]
    gone = MembershipFactory(council=meeting.council, seat_type=SeatType.STAFF)
    gone.end = gone.start
    gone.save()
    inactive = UserFactory(is_active=False)
    MembershipFactory(council=meeting.council, user=inactive)
    _enqueue(meeting)
    # Made inactive after the e-mail was queued: still nothing.
    leaving = world["colleague"]
    leaving.is_active = False
    leaving.save(update_fields=["is_active"])
    send_due.delay().get()
    assert gone.user.email not in _recipients()
    assert inactive.email not in _recipients()
    assert leaving.email not in _recipients()
    assert len(mail.outbox) == 2


def test_a_failed_send_is_retried_for_that_member(world, settings):
    meeting = world["meeting"]
    settings.EMAIL_BACKEND = "tests.outbox.backends.FailsForBackend"
    FailsForBackend.FAILING = {world["colleague"].email}
    try:
        _enqueue(meeting)
        assert send_due.delay().get() == 2
        assert AgendaNotification.objects.filter(meeting=meeting).count() == 2
    finally:
        FailsForBackend.FAILING = set()
    Message.objects.update(due_at=timezone.now())
    assert send_due.delay().get() == 1
    assert AgendaNotification.objects.filter(meeting=meeting).count() == 3
    assert len(mail.outbox) == 3


def test_publishing_in_the_embedded_setup_sends_at_once(publish, world):
    """`make run`: no broker, tasks eager; the after-commit trigger sends straight away."""
    publish(world["planned_meeting"])
    assert len(mail.outbox) == 3
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SENT}


def test_an_empty_agenda_is_not_published(publish, world, client):
    meeting = world["planned_meeting"]
    meeting.items.all().delete()
    response = publish(meeting)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    assert len(mail.outbox) == 0
    assert "ingen punkter" in client.get(response["Location"]).content.decode()


def test_status_flow_to_approved_minutes(client, secretary, world, member):
    meeting = world["past_meeting"]
    client.force_login(secretary)
    assert client.get(reverse("councils:meeting_minutes", args=[meeting.pk])).status_code == 302
    client.post(reverse("councils:meeting_held", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD

    url = reverse("councils:meeting_minutes", args=[meeting.pk])
    client.post(url, {"minutes": "Kladde til referat."})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and meeting.minutes == "Kladde til referat."
    client.force_login(member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Kladde til referat." not in page

    client.force_login(secretary)
    client.post(url, {"minutes": "Godkendt referat.", "approve": "1"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED
    client.force_login(member)
    assert "Godkendt referat." in client.get(meeting.get_absolute_url()).content.decode()


def test_a_future_meeting_cannot_be_marked_held(client, secretary, world):
    client.force_login(secretary)
    meeting = world["meeting"]
    client.post(reverse("councils:meeting_held", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED


def test_attendance_is_recorded(client, secretary, world, member):
    meeting = world["held_meeting"]
    membership = world["membership"]
    client.force_login(secretary)
    url = reverse("councils:meeting_attendance", args=[meeting.pk])
    client.post(url, {f"m{membership.pk}": "present"})
    assert meeting.attendances.get().membership == membership
    client.force_login(member)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "Mia Medlem" in body and "Til stede" in body
    client.force_login(secretary)
    client.post(url, {f"m{membership.pk}": ""})
    assert not meeting.attendances.exists()


def test_meeting_form_explains_bad_times(client, secretary, world):
    client.force_login(secretary)
    response = client.post(
        reverse("councils:meeting_create", args=[world["council"].pk]),
        {
            "starts_at": "2031-03-12T14:00",
            "ends_at": "2031-03-12T13:00",
            "comment_deadline": "2031-03-13T12:00",
        },
    )
    body = response.content.decode()
    assert "Mødet skal slutte, efter det er begyndt." in body
    assert "Fristen for kommentarer skal ligge før mødet begynder." in body
