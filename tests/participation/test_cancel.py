"""Cancel and move: a cancelled meeting keeps its page with status "Aflyst"; its .ics says
STATUS:CANCELLED with a higher SEQUENCE; moving it raises SEQUENCE too; the cancel service
sends councils.signals.meeting_changed once, after the commit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from councils.models import Meeting, MeetingStatus
from councils.services import cancel_meeting
from councils.signals import meeting_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def signals():
    received = []

    def listener(sender, meeting, change, **kwargs):
        received.append((sender, meeting.pk, change))

    meeting_changed.connect(listener)
    yield received
    meeting_changed.disconnect(listener)


def _event(client, world, meeting):
    token = world["calendar_token"].token  # the member's private feed
    response = client.get(reverse("councils:member_feed", args=[token]))
    events = Calendar.from_ical(response.content).walk("VEVENT")
    (event,) = [e for e in events if str(e["UID"]).startswith(f"councils-meeting-{meeting.pk}@")]
    return event


def test_the_secretary_cancels_after_a_confirmation(
    client, world, signals, django_capture_on_commit_callbacks
):
    meeting = world["meeting"]
    client.force_login(world.users["secretary"])
    url = reverse("participation:cancel", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Vil du aflyse Ordinært møde" in page
    assert "En aflysning kan ikke fortrydes." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Mødet er aflyst." in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (MeetingStatus.CANCELLED, 1)
    assert signals == [(Meeting, meeting.pk, "cancelled")]
    # The meeting page says it, for members too.
    client.force_login(world.users["member"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Mødet er aflyst." in page and "Aflyst" in page
    assert "Kommer du til mødet?" not in page


def test_a_second_click_changes_nothing_and_sends_nothing(
    client, world, signals, django_capture_on_commit_callbacks
):
    meeting = world["meeting"]
    client.force_login(world.users["secretary"])
    url = reverse("participation:cancel", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Mødet er allerede aflyst." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert len(signals) == 1
    assert cancel_meeting(meeting=meeting) is False


def test_no_signal_when_the_transaction_rolls_back(world, signals):
    from django.db import transaction

    with transaction.atomic():
        cancel_meeting(meeting=world["meeting"])
        transaction.set_rollback(True)
    assert signals == []


def test_a_held_meeting_cannot_be_cancelled(world):
    with pytest.raises(ValueError):
        cancel_meeting(meeting=world["held_meeting"])


def test_the_calendar_carries_status_cancelled_and_a_higher_sequence(client, world):
    meeting = world["meeting"]
    event = _event(client, world, meeting)
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CONFIRMED", 0)
    cancel_meeting(meeting=meeting)
    event = _event(client, world, meeting)
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CANCELLED", 1)


def test_moving_a_meeting_raises_the_sequence_and_other_edits_do_not(client, world):
    meeting = Meeting.objects.get(pk=world["meeting"].pk)
    meeting.title = "Nyt navn"
    meeting.save()
    assert Meeting.objects.get(pk=meeting.pk).sequence == 0
    meeting.starts_at += timedelta(hours=1)
    meeting.save()
    assert Meeting.objects.get(pk=meeting.pk).sequence == 1
    meeting.location = "Et andet sted"
    meeting.save(update_fields=["location"])
    assert Meeting.objects.get(pk=meeting.pk).sequence == 2
    # Through the secretary's edit form, as the notify helper's move signal path.
    client.force_login(world.users["secretary"])
    client.post(
        reverse("councils:meeting_edit", args=[meeting.pk]),
        {
            "title": "Nyt navn",
            "starts_at": "2031-03-12T14:00",
            "ends_at": "2031-03-12T16:00",
            "location": "Et andet sted",
            "comment_deadline": "2031-03-10T12:00",
        },
    )
    assert Meeting.objects.get(pk=meeting.pk).sequence == 3
    assert int(_event(client, world, meeting)["SEQUENCE"]) == 3


def test_the_start_page_says_a_coming_meeting_is_cancelled(client, world):
    cancel_meeting(meeting=world["meeting"])
    client.force_login(world.users["member"])
    page = client.get("/").content.decode()
    assert world["meeting"].display_title in page
    assert "<strong>Aflyst</strong>" in page
