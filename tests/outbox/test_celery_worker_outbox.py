"""Run by scripts/test-celery-worker.sh: a real worker, with its embedded beat, sends the
outbox. The worker writes e-mail with the file backend into $MEDIA_ROOT/mail (set there)."""

import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from accounts.services import invite_user
from outbox.models import Message, Status
from tests.accounts.factories import UserFactory

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _mail_dir() -> Path:
    return Path(os.environ.get("EMAIL_FILE_PATH") or Path(settings.MEDIA_ROOT) / "mail")


def _mails_to(address: str) -> list[str]:
    folder = _mail_dir()
    if not folder.is_dir():
        return []
    texts = [path.read_text(errors="replace") for path in folder.iterdir() if path.is_file()]
    return [text for text in texts if f"To: {address}" in text]


def _wait_until_sent(message: Message, seconds: float) -> Message:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message.refresh_from_db()
        if message.status != Status.PENDING:
            return message
        time.sleep(1)
    pytest.fail(f"outbox message {message.pk} still pending after {seconds}s")


def test_the_worker_sends_what_is_enqueued_at_once():
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "this test needs a real broker"
    user = UserFactory(email="inviteret-worker@test.example")
    with transaction.atomic():
        invite_user(user=user)
    message = Message.objects.get(kind="accounts.invitation", recipient=user.email)
    # The after-commit trigger queues outbox.send_due: sent well within beat's minute.
    assert _wait_until_sent(message, 45).status == Status.SENT
    (mail,) = _mails_to(user.email)
    assert "/konto/password/reset/key/" in mail


def test_beat_sends_a_row_nobody_triggered():
    """What happens after a publish while the broker was down: the row is there, no task
    was queued, and the worker's embedded beat sends it within its minute."""
    user = UserFactory(email="kun-beat@test.example")
    message = Message.objects.create(
        kind="accounts.invitation", recipient=user.email, payload={"user": user.pk}
    )
    assert _wait_until_sent(message, 150).status == Status.SENT
    assert message.attempts == 1
    assert len(_mails_to(user.email)) == 1
