"""Notification settings, notices and daily digest records (core.personaldata)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.personaldata import PersonalDataKind, Retention, before
from notifications.models import Digest, Notice, NotificationProfile, NotificationSetting


def _when(value):
    return value.isoformat() if value else None


def _forget(model):
    # Settings and records of what a former member was told serve nothing once they are gone.
    return lambda user, identity: model.objects.filter(user=user).delete()


def _expired(model, field):
    def apply(now, dry_run):
        cutoff = before(now, settings.PORTAL_NOTIFICATIONS_KEEP_DAYS, "days")
        due = model.objects.filter(**{f"{field}__lt": cutoff})
        count = due.count()
        if not dry_run:
            due.delete()
        return count

    return apply


KINDS = [
    PersonalDataKind(
        name="notifications.settings",
        label=_("Dine valg for notifikationer"),
        rows=lambda user: NotificationSetting.objects.filter(user=user),
        serialize=lambda s: {
            "slags": s.get_kind_display(),
            "hvornår": s.get_frequency_display(),
            "ændret": _when(s.changed_at),
        },
        pseudonymise=_forget(NotificationSetting),
    ),
    PersonalDataKind(
        name="notifications.profile",
        label=_("Sprog i e-mails og hvornår du sidst fik den daglige oversigt"),
        rows=lambda user: NotificationProfile.objects.filter(user=user),
        serialize=lambda p: {
            "sprog": p.get_language_display(),
            "oversigt_sendt_til_og_med": _when(p.digest_sent_up_to),
        },
        pseudonymise=_forget(NotificationProfile),
    ),
    PersonalDataKind(
        name="notifications.notices",
        label=_("Notifikationer til dig (hvad, hvornår og hvordan)"),
        rows=lambda user: Notice.objects.filter(user=user).select_related("meeting"),
        serialize=lambda n: {
            "slags": n.get_kind_display(),
            "møde": n.meeting.display_title,
            "sendes": n.get_channel_display(),
            "oprettet": _when(n.created_at),
        },
        pseudonymise=_forget(Notice),
        retention=Retention(
            setting="PORTAL_NOTIFICATIONS_KEEP_DAYS",
            unit="days",
            label=_("Notifikationer glemmes, regnet fra da de blev til"),
            apply=_expired(Notice, "created_at"),
        ),
    ),
    PersonalDataKind(
        name="notifications.digests",
        label=_("Daglige oversigter sendt til dig"),
        rows=lambda user: Digest.objects.filter(user=user),
        serialize=lambda d: {"dag": _when(d.day), "til_og_med": _when(d.up_to)},
        pseudonymise=_forget(Digest),
        retention=Retention(
            setting="PORTAL_NOTIFICATIONS_KEEP_DAYS",
            unit="days",
            label=_("Registreringen af daglige oversigter glemmes"),
            apply=_expired(Digest, "created_at"),
        ),
    ),
]
