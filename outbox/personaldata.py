"""E-mails waiting in or sent through the outbox: the recipient's address (core.personaldata)."""

from django.utils.translation import gettext_lazy as _

from core.personaldata import PersonalDataKind, Retention
from outbox.models import Message, Status
from outbox.services import expired_messages


def _messages(user):
    return Message.objects.filter(recipient__iexact=user.email)


def _serialize(message):
    return {
        "slags": message.kind,
        "status": message.status,
        "oprettet": message.created_at.isoformat(),
        "sendt": message.sent_at.isoformat() if message.sent_at else None,
    }


def _pseudonymise(user, identity):
    # Nothing more goes to a former member; what was sent keeps only the placeholder address.
    _messages(user).filter(status=Status.PENDING).update(status=Status.SKIPPED)
    Message.objects.filter(recipient__iexact=identity.email).update(
        recipient=identity.placeholder_email
    )


def _apply_retention(now, dry_run):
    expired = expired_messages(now=now)
    count = expired.count()
    if not dry_run:
        expired.delete()
    return count


KINDS = [
    PersonalDataKind(
        name="outbox.messages",
        label=_("E-mails fra portalen"),
        rows=_messages,
        serialize=_serialize,
        pseudonymise=_pseudonymise,
        retention=Retention(
            setting="PORTAL_OUTBOX_KEEP_DAYS",
            unit="days",
            label=_("Sendte e-mails glemmes (modtagerens adresse)"),
            apply=_apply_retention,
        ),
    ),
]
