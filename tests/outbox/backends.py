"""E-mail backends for the outbox tests: a mail server that is down, or fails now and then."""

from smtplib import SMTPServerDisconnected

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class BrokenBackend(BaseEmailBackend):
    """An SMTP server that hangs up on every message."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


class FailsForBackend(LocmemBackend):
    """Delivers like locmem, except to the addresses in `FAILING` (a class attribute)."""

    FAILING: set[str] = set()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.FAILING:
                raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def sent_to() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)
