"""The access log: what a person opened, and its retention (core.personaldata)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from audit.models import AccessLog
from audit.retention import retention_deletion
from core.personaldata import PersonalDataKind, Retention, before


def _expired(now, dry_run):
    cutoff = before(now, settings.PORTAL_RETENTION_ACCESS_LOG_MONTHS, "months")
    if dry_run:
        return AccessLog.objects.filter(at__lt=cutoff).count()
    with retention_deletion():
        deleted, _rows = AccessLog.objects.filter(at__lt=cutoff).delete()
    return deleted


KINDS = [
    PersonalDataKind(
        name="audit.access_log",
        label=_("Adgangslog: hvad du har åbnet"),
        rows=lambda user: AccessLog.objects.filter(actor=user),
        serialize=lambda e: {
            "tidspunkt": e.at.isoformat(),
            "handling": e.get_action_display(),
            "objekt": e.object_repr,
        },
        retention=Retention(
            setting="PORTAL_RETENTION_ACCESS_LOG_MONTHS",
            unit="months",
            label=_("Adgangsloggen slettes"),
            apply=_expired,
        ),
    ),
]
