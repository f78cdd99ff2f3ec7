"""Who opened what: the access log of members-only pages, bilag, hidden text and exports.

Entries are append-only. The application refuses to change or delete them except inside
``audit.retention.retention_deletion()`` (the retention job); on PostgreSQL a trigger refuses
the same at the database, so not even raw SQL from the application can rewrite the log.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.retention import AccessLogIsAppendOnly, retention_is_active


class Action(models.TextChoices):
    VIEW_MEETING = "view_meeting", _("Åbnede lukket møde")
    DOWNLOAD = "download", _("Hentede fil")
    READ_HIDDEN = "read_hidden", _("Læste skjult tekst")
    EXPORT_CSV = "export_csv", _("Eksporterede CSV")
    EXPORT_PERSONAL_DATA = "export_personal_data", _("Hentede en persons data")
    VIEW_SUPPORT_REQUESTS = "view_support", _("Så ønsker om støtte til et møde")


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AccessLogIsAppendOnly("The access log is append-only.")

    def delete(self):
        if not retention_is_active():
            raise AccessLogIsAppendOnly("Access-log entries are removed only by retention.")
        return super().delete()

    def _raw_delete(self, using):
        if not retention_is_active():
            raise AccessLogIsAppendOnly("Access-log entries are removed only by retention.")
        return super()._raw_delete(using)


class AccessLog(models.Model):
    # No database constraint and nothing done on delete: the log outlives the account and a
    # deleted user must not rewrite (SET NULL) or remove (CASCADE) what they opened.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    action = models.CharField(_("handling"), max_length=30, choices=Action.choices)
    # The model's label ("councils.meeting"): no content-type lookup on the request path.
    object_type = models.CharField(_("type"), max_length=100)
    object_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    # Type and number only ("bilag #12"): never a title or a name that could be personal.
    object_repr = models.CharField(_("objekt"), max_length=200)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("adgang")
        verbose_name_plural = _("adgangslog")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}: {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AccessLogIsAppendOnly("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not retention_is_active():
            raise AccessLogIsAppendOnly("Access-log entries are removed only by retention.")
        return super().delete(*args, **kwargs)
