"""The transactional outbox: one row per e-mail the portal means to send.

A row is written in the same transaction as the change it reports, so a published agenda
or a new user always has its e-mail waiting, even when the broker or the mail server is
down at that moment. `outbox.send_due` sends the rows that are due.

The payload holds references (ids), not message bodies: the message is built when it is
sent (see `outbox.registry`), so no personal content is kept here beyond the recipient.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("venter")
    SENT = "sent", _("sendt")
    SKIPPED = "skipped", _("intet at sende")
    FAILED = "failed", _("opgivet")


class MessageQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=Status.PENDING, due_at__lte=now or timezone.now())

    def of_kind(self, kind: str, **payload):
        """Rows of one kind whose payload holds these references, e.g. meeting=12."""
        return self.filter(
            kind=kind, **{f"payload__{key}": value for key, value in payload.items()}
        )


class Message(models.Model):
    kind = models.CharField(_("slags"), max_length=100)
    recipient = models.EmailField(_("modtager"), max_length=254)
    payload = models.JSONField(_("reference"), default=dict, blank=True)
    language = models.CharField(_("sprog"), max_length=10, default="da")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    due_at = models.DateTimeField(_("sendes"), default=timezone.now)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    last_error = models.CharField(_("seneste fejl"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("udgående e-mail")
        verbose_name_plural = _("udgående e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The sender's question every minute: which pending rows are due?
            models.Index(
                fields=["due_at"],
                condition=models.Q(status="pending"),
                name="outbox_pending_due",
            ),
            models.Index(fields=["kind", "status"], name="outbox_kind_status"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk}"
