"""Run by scripts/test-celery-worker.sh: a real worker on Redis runs
``participation.send_reminders``, and the outbox it fills is sent by the same worker.
The worker writes e-mail with the file backend into $MEDIA_ROOT/mail."""

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from councils.models import SeatType
from outbox.models import Message, Status
from participation.models import MeetingReminder
from participation.tasks import send_reminders
from tests.accounts.factories import UserFactory
from tests.councils.factories import CouncilFactory, MeetingFactory, MembershipFactory

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _mails_to(address: str) -> list[str]:
    folder = Path(os.environ.get("EMAIL_FILE_PATH") or Path(settings.MEDIA_ROOT) / "mail")
    if not folder.is_dir():
        return []
    texts = [path.read_text(errors="replace") for path in folder.iterdir() if path.is_file()]
    return [text for text in texts if f"To: {address}" in text]


def _wait(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(1)
    pytest.fail(f"{what} not done after {seconds}s")


def test_the_worker_sends_the_reminder_with_its_calendar_file():
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "this test needs a real broker"
    council = CouncilFactory(name="Rådet med påmindelser")
    user = UserFactory(email="paamindelse-worker@test.example", full_name="Vera Vært")
    MembershipFactory(council=council, user=user, seat_type=SeatType.USER)
    meeting = MeetingFactory(
        council=council,
        title="Møde i morgen",
        starts_at=timezone.now() + timedelta(hours=20),
        location="Medborgerhuset",
    )
    send_reminders.delay()
    message = _wait(
        lambda: Message.objects.filter(
            kind="participation.reminder", recipient=user.email, status=Status.SENT
        ).first(),
        60,
        "the reminder",
    )
    assert message.payload == {"meeting": meeting.pk, "user": user.pk}
    (mail,) = _wait(lambda: _mails_to(user.email), 20, "the e-mail file")
    assert "moede.ics" in mail and "text/calendar" in mail
    assert meeting.get_absolute_url() in mail
    # A second run (beat's next hour) sends nothing more.
    send_reminders.delay()
    time.sleep(5)
    assert MeetingReminder.objects.filter(meeting=meeting).count() == 1
    assert Message.objects.filter(kind="participation.reminder").count() == 1
