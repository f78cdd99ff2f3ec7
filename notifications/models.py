"""What each member wants to hear about, what they were told, and the daily digests.

- ``NotificationSetting``: one row per user and kind that differs from nobody's choice
  (absent: the default in ``notifications.kinds.DEFAULTS``).
- ``NotificationProfile``: the user's e-mail language and the digest's "sent up to" time.
- ``Notice``: one thing a user is to be told (a comment, a published agenda …), unique per
  user and ``key``, so an event recorded twice is told once. ``channel`` says whether it went
  out at once (through the outbox) or waits for the digest; ``digest`` is the digest it went in.
- ``Digest``: one per user and day, written with its outbox e-mail in one transaction.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import AgendaItem, Comment, Meeting
from notifications.kinds import DEFAULTS, Frequency, Kind


class NotificationSetting(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_settings",
        verbose_name=_("bruger"),
    )
    kind = models.CharField(_("slags"), max_length=30, choices=Kind.choices)
    frequency = models.CharField(_("hvornår"), max_length=20, choices=Frequency.choices)
    changed_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("notifikationsindstilling")
        verbose_name_plural = _("notifikationsindstillinger")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_setting_unique")
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_frequency_display()}"


class NotificationProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_profile",
        verbose_name=_("bruger"),
    )
    language = models.CharField(
        _("sprog i e-mails"), max_length=10, choices=settings.LANGUAGES, default="da"
    )
    digest_sent_up_to = models.DateTimeField(_("oversigt sendt til og med"), null=True)

    class Meta:
        verbose_name = _("notifikationsprofil")
        verbose_name_plural = _("notifikationsprofiler")

    def __str__(self):
        return str(self.user)


class Channel(models.TextChoices):
    IMMEDIATELY = "immediately", _("med det samme")
    DIGEST = "digest", _("daglig oversigt")


class Digest(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_digests",
        verbose_name=_("bruger"),
    )
    day = models.DateField(_("dag"))
    since = models.DateTimeField(_("nyt siden"), null=True)
    up_to = models.DateTimeField(_("til og med"))
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("daglig oversigt")
        verbose_name_plural = _("daglige oversigter")
        ordering = ["-day", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="notifications_digest_per_day")
        ]

    def __str__(self):
        return f"{self.user} {self.day}"


class Notice(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("modtager"),
    )
    kind = models.CharField(_("slags"), max_length=30, choices=Kind.choices)
    channel = models.CharField(_("sendes"), max_length=20, choices=Channel.choices)
    # What makes two records of the same event one, e.g. "comment:812" or "minutes:12".
    key = models.CharField(_("nøgle"), max_length=120)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="+", verbose_name=_("møde")
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("punkt"),
    )
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommentar"),
    )
    # "moved" or "cancelled" for a changed meeting.
    detail = models.CharField(_("detalje"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    # CASCADE: a notice is never told twice, even when its digest record is forgotten.
    digest = models.ForeignKey(
        Digest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("daglig oversigt"),
    )

    class Meta:
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notifications_notice_unique")
        ]
        indexes = [
            # The digest job's question: whose digest notices are not in a digest yet?
            models.Index(
                fields=["user"],
                condition=models.Q(channel="digest", digest__isnull=True),
                name="notifications_pending_digest",
            ),
            models.Index(fields=["created_at"], name="notifications_notice_created"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"


def frequencies_for(user_ids) -> dict[int, dict[str, str]]:
    """Each user's choice per kind (defaults filled in), in one query."""
    user_ids = list(user_ids)
    chosen = {pk: dict(DEFAULTS) for pk in user_ids}
    for user_id, kind, frequency in NotificationSetting.objects.filter(
        user_id__in=user_ids
    ).values_list("user_id", "kind", "frequency"):
        chosen[user_id][kind] = frequency
    return chosen


def frequency_of(user, kind) -> str:
    row = NotificationSetting.objects.filter(user=user, kind=kind).first()
    return row.frequency if row else DEFAULTS[kind]
