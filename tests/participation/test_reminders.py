"""Point 6: the day before the meeting, one reminder per member who said yes or has not
answered, with time, place, the agenda link and the .ics file; idempotent."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from councils.models import MeetingStatus
from outbox import services as outbox
from outbox.models import Message, Status
from participation import services
from participation.models import Answer, MeetingReminder
from participation.tasks import send_reminders

pytestmark = pytest.mark.django_db

REMINDER = "participation.reminder"


@pytest.fixture
def tomorrow(board):
    board.meeting.starts_at = timezone.now() + timedelta(hours=20)
    board.meeting.location = "Medborgerhuset, sal 2"
    board.meeting.save()
    return board


def _answer(board, name, answer):
    membership = board.seats[name] if isinstance(name, str) else name
    services.give_answer(
        meeting=board.meeting, membership=membership, answer=answer, by=membership.user
    )


def _recipients():
    return sorted(Message.objects.filter(kind=REMINDER).values_list("recipient", flat=True))


def _emails(board, *names):
    return sorted(board.seats[name].user.email for name in names)


def test_the_job_is_scheduled_hourly():
    entry = settings.CELERY_BEAT_SCHEDULE["participation-send-reminders"]
    assert entry["task"] == "participation.send_reminders"


def test_yes_and_unanswered_get_one_no_and_unsure_do_not(tomorrow):
    board = tomorrow
    _answer(board, "user1", Answer.NO)
    _answer(board, "user2", Answer.YES)
    _answer(board, "relative", Answer.UNSURE)
    _answer(board, board.sub1, Answer.YES)  # took user1's seat
    assert send_reminders.delay().get() == 6
    expected = _emails(board, "user2", "staff1", "staff2", "politician", "secretary")
    assert _recipients() == sorted([*expected, board.sub1.user.email])
    assert board.sub2.user.email not in _recipients()


def test_reruns_send_nothing_twice(tomorrow):
    assert services.queue_reminders() == 7
    assert services.queue_reminders() == 0
    assert send_reminders.delay().get() == 0
    assert MeetingReminder.objects.count() == 7
    assert Message.objects.filter(kind=REMINDER).count() == 7
    outbox.send_due()
    outbox.send_due()
    assert len(mail.outbox) == 7


def test_the_reminder_has_time_place_agenda_link_and_calendar_file(tomorrow):
    board = tomorrow
    services.queue_reminders()
    outbox.send_due()
    (sent,) = [m for m in mail.outbox if m.to == [board.member.email]]
    assert "Påmindelse" in sent.subject and board.council.name in sent.subject
    assert "Medborgerhuset, sal 2" in sent.body
    assert board.meeting.get_absolute_url() in sent.body
    ((name, content, mimetype),) = sent.attachments
    assert (name, mimetype) == ("moede.ics", "text/calendar")
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["UID"]) == f"councils-meeting-{board.meeting.pk}@testserver"
    assert str(event["LOCATION"]) == "Medborgerhuset, sal 2"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_only_meetings_of_the_next_day(board):
    board.meeting.starts_at = timezone.now() + timedelta(days=3)
    board.meeting.save()
    assert services.queue_reminders() == 0
    board.meeting.starts_at = timezone.now() - timedelta(hours=1)
    board.meeting.save()
    assert services.queue_reminders() == 0


def test_a_cancelled_meeting_gets_no_reminder(tomorrow):
    tomorrow.meeting.status = MeetingStatus.CANCELLED
    tomorrow.meeting.save()
    assert services.queue_reminders() == 0


def test_saying_no_after_it_was_queued_stops_it(tomorrow):
    board = tomorrow
    services.queue_reminders()
    _answer(board, "user2", Answer.NO)
    outbox.send_due()
    assert board.seats["user2"].user.email not in [m.to[0] for m in mail.outbox]
    skipped = Message.objects.get(kind=REMINDER, recipient=board.seats["user2"].user.email)
    assert skipped.status == Status.SKIPPED


def test_a_cancellation_after_it_was_queued_stops_them_all(tomorrow):
    services.queue_reminders()
    tomorrow.meeting.status = MeetingStatus.CANCELLED
    tomorrow.meeting.save()
    outbox.send_due()
    assert not mail.outbox
