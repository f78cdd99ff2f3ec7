"""Writing to the outbox (inside the caller's transaction) and sending what is due."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation

from outbox import registry
from outbox.models import Message, Status

logger = logging.getLogger(__name__)


def enqueue(*, kind: str, recipient: str, payload: dict, due=None, language=None) -> Message:
    """Records an e-mail to send. Call it inside the transaction of the change it reports:
    the row commits — or rolls back — with that change. After the commit the sender is
    asked to run at once; if the broker is down, the beat schedule sends it a minute later."""
    registry.builder(kind)  # an unknown kind fails here, in the caller, not later
    message = Message.objects.create(
        kind=kind,
        recipient=recipient,
        payload=payload,
        due_at=due or timezone.now(),
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )
    _trigger_after_commit()
    return message


def enqueue_many(*, kind: str, messages: list[tuple[str, dict, str]]) -> list[Message]:
    """``enqueue`` for many e-mails of one kind in one INSERT: ``messages`` are
    (recipient, payload, language). Call it inside the transaction of the change it reports."""
    registry.builder(kind)
    if not messages:
        return []
    now = timezone.now()
    rows = Message.objects.bulk_create(
        [
            Message(kind=kind, recipient=recipient, payload=payload, due_at=now, language=language)
            for recipient, payload, language in messages
        ]
    )
    _trigger_after_commit()
    return rows


class _Trigger:
    """The after-commit callback; knows whether it ran (tests run callbacks early)."""

    ran = False

    def __call__(self):
        self.ran = True
        trigger_send()


def _trigger_after_commit() -> None:
    # One trigger per transaction, however many rows it enqueues: with the broker down
    # each attempt to queue costs the request time.
    if any(
        isinstance(entry[1], _Trigger) and not entry[1].ran for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_Trigger())


def trigger_send() -> None:
    """Queues `outbox.send_due`; never fails the request that enqueued (the rows are safe)."""
    from outbox.tasks import send_due

    try:
        # No retries: an unreachable broker is reported at once, and beat sends later.
        send_due.apply_async(retry=False)
    except Exception as exc:  # the broker is unreachable: kombu raises many kinds
        logger.warning(
            "Could not queue outbox.send_due (%s: %s); the beat schedule will send it.",
            type(exc).__name__,
            exc,
        )


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes after each failed attempt, at most an hour."""
    return timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 3600))


def send_due(*, limit: int = 200) -> int:
    """Sends the rows that are due, each in its own transaction; returns how many were sent.

    A row is locked (skipping rows another worker holds) and marked sent in the same
    transaction as its e-mail is sent and recorded, so two workers never send it twice.
    A failure counts an attempt and sets the row back by `backoff`; after
    `PORTAL_OUTBOX_MAX_ATTEMPTS` it is given up and shown as failed. Should the database
    fail between a successful send and its commit, the row is sent again later: an e-mail
    may, rarely, arrive twice, but is never silently lost.
    """
    ids = list(Message.objects.due().order_by("due_at", "pk").values_list("pk", flat=True)[:limit])
    sent = 0
    for pk in ids:
        sent += _send_one(pk)
    return sent


def _send_one(pk: int) -> int:
    with transaction.atomic():
        message = Message.objects.select_for_update(skip_locked=True).due().filter(pk=pk).first()
        if message is None:
            return 0
        message.attempts += 1
        try:
            with transaction.atomic(), translation.override(message.language):
                email = registry.builder(message.kind)(message)
                if email is not None:
                    email.send()
        except Exception as exc:  # SMTP, rendering, a vanished object: count and retry
            _record_failure(message, exc)
            return 0
        message.status = Status.SENT if email is not None else Status.SKIPPED
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["status", "sent_at", "attempts", "last_error"])
        return int(email is not None)


def _record_failure(message: Message, exc: Exception) -> None:
    message.last_error = f"{type(exc).__name__}: {exc}"[:500]
    if message.attempts >= settings.PORTAL_OUTBOX_MAX_ATTEMPTS:
        message.status = Status.FAILED
        logger.error(
            "Outbox message %s (%s) given up after %d attempts: %s",
            message.pk,
            message.kind,
            message.attempts,
            message.last_error,
        )
    else:
        message.due_at = timezone.now() + backoff(message.attempts)
        logger.warning(
            "Outbox message %s (%s) failed, attempt %d: %s",
            message.pk,
            message.kind,
            message.attempts,
            message.last_error,
        )
    message.save(update_fields=["status", "due_at", "attempts", "last_error"])


def purge_sent(*, now=None) -> int:
    """Forgets finished rows after `PORTAL_OUTBOX_KEEP_DAYS`: the recipient is personal data,
    and what was sent is recorded where it matters (e.g. AgendaNotification). A given-up row
    is kept as long, counted from its last attempt, so that it can be followed up."""
    deleted, _ = expired_messages(now=now).delete()
    return deleted


def expired_messages(*, now=None):
    """Finished rows older than `PORTAL_OUTBOX_KEEP_DAYS` (what `purge_sent` deletes)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PORTAL_OUTBOX_KEEP_DAYS)
    finished = Q(status__in=[Status.SENT, Status.SKIPPED], sent_at__lt=cutoff)
    given_up = Q(status=Status.FAILED, due_at__lt=cutoff)
    return Message.objects.filter(finished | given_up)
