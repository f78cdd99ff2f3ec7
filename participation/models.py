"""Who will come to a meeting: members' answers, substitutes standing in, support to attend
and the reminders sent the day before.

Answers are per seat (``councils.Membership``): quorum and the user side's share are counted
by seat type. A substitute answers on their own membership once invited for a seat.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from councils.models import Meeting, Membership

SUPPORT_DETAILS_MAX_LENGTH = 1000


class Answer(models.TextChoices):
    YES = "yes", _("Jeg kommer")
    NO = "no", _("Jeg kommer ikke")
    UNSURE = "unsure", _("Ved ikke endnu")


class AttendanceAnswer(models.Model):
    """A seat's answer to "will you come?"; the history shows every change and who made it."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("møde"),
        on_delete=models.CASCADE,
        related_name="attendance_answers",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("medlemskab"),
        on_delete=models.CASCADE,
        related_name="attendance_answers",
    )
    answer = models.CharField(_("svar"), max_length=10, choices=Answer.choices)
    # The member, or the secretary who typed in what the member said on the phone.
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registreret af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("svaret"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("svar om fremmøde")
        verbose_name_plural = _("svar om fremmøde")
        ordering = ["meeting", "membership__seat_type", "membership__user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="participation_one_answer_per_seat"
            )
        ]

    def __str__(self):
        return f"{self.membership.user} – {self.get_answer_display()}"

    @property
    def entered_by_someone_else(self) -> bool:
        return self.answered_by_id is not None and self.answered_by_id != self.membership.user_id


class InvitationState(models.TextChoices):
    OPEN = "open", _("Inviteret")
    ACCEPTED = "accepted", _("Har taget pladsen")
    FILLED = "filled", _("En anden suppleant har taget pladsen")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


class SubstituteInvitation(models.Model):
    """A substitute asked to stand in for a seat whose member said no."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("møde"),
        on_delete=models.CASCADE,
        related_name="substitute_invitations",
    )
    substitute = models.ForeignKey(
        Membership,
        verbose_name=_("suppleant"),
        on_delete=models.CASCADE,
        related_name="substitute_invitations",
    )
    seat = models.ForeignKey(
        Membership,
        verbose_name=_("plads"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    state = models.CharField(
        _("status"), max_length=10, choices=InvitationState.choices, default=InvitationState.OPEN
    )
    invited_at = models.DateTimeField(_("inviteret"), default=timezone.now)
    changed_at = models.DateTimeField(_("ændret"), default=timezone.now)
    # Set when the invitation's e-mail went out: a withdrawal is told only to someone who
    # heard of the invitation.
    notified_at = models.DateTimeField(_("fik besked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation af suppleant")
        verbose_name_plural = _("invitationer af suppleanter")
        ordering = ["meeting", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "substitute"], name="participation_one_invitation_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.substitute.user} → {self.seat.user} ({self.get_state_display()})"

    @property
    def is_live(self) -> bool:
        """The substitute has the attendance question for this meeting."""
        return self.state in (InvitationState.OPEN, InvitationState.ACCEPTED)


class SupportRequest(models.Model):
    """What a member needs to be able to attend. Only the secretary and administrators see it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="support_requests"
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("medlemskab"),
        on_delete=models.CASCADE,
        related_name="support_requests",
    )
    transport = models.BooleanField(_("transport"), default=False)
    interpreter = models.BooleanField(_("tolk (også tegnsprogstolk)"), default=False)
    helper = models.BooleanField(_("hjælper"), default=False)
    accessibility = models.BooleanField(_("andet om tilgængelighed"), default=False)
    details = models.TextField(_("beskrivelse"), blank=True, max_length=SUPPORT_DETAILS_MAX_LENGTH)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("ændret"), default=timezone.now)
    handled_at = models.DateTimeField(_("ordnet"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordnet af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ønske om støtte")
        verbose_name_plural = _("ønsker om støtte")
        ordering = ["meeting", "membership__user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="participation_one_support_request"
            )
        ]

    def __str__(self):
        return f"{self.membership.user} – {self.meeting}"

    NEEDS = ("transport", "interpreter", "helper", "accessibility")

    def needs(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.NEEDS
            if getattr(self, name)
        ]

    @property
    def is_handled(self) -> bool:
        return self.handled_at is not None


class MeetingReminder(models.Model):
    """One reminder per person per meeting: the unique row keeps the daily job idempotent."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modtager"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    queued_at = models.DateTimeField(_("lagt i udbakken"), default=timezone.now)

    class Meta:
        verbose_name = _("påmindelse")
        verbose_name_plural = _("påmindelser")
        ordering = ["-queued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="participation_one_reminder_per_person"
            )
        ]

    def __str__(self):
        return f"{self.meeting} → {self.user}"
