"""Attendance answers, substitute invitations, support requests and reminders
(core.personaldata; docs/PRIVACY.md).

Support requests can reveal health (an interpreter for sign language, a helper): they are
read only by the council's secretary and administrators, never sent in an e-mail, never public,
and deleted ``PORTAL_RETENTION_SUPPORT_REQUEST_DAYS`` after the meeting.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.personaldata import PersonalDataKind, Retention, before
from participation.models import (
    AttendanceAnswer,
    MeetingReminder,
    SubstituteInvitation,
    SupportRequest,
)


def _when(value):
    return value.isoformat() if value else None


def _old_support_requests(now, dry_run):
    cutoff = before(now, settings.PORTAL_RETENTION_SUPPORT_REQUEST_DAYS, "days")
    due = SupportRequest.objects.filter(meeting__starts_at__lt=cutoff)
    count = due.count()
    if not dry_run:
        due.delete()
    return count


def _old_answers(now, dry_run):
    """Answers, their history, invitations and reminders of meetings held long enough ago:
    what happened at the meeting is recorded in councils.Attendance with the minutes."""
    cutoff = before(now, settings.PORTAL_RETENTION_ATTENDANCE_ANSWER_MONTHS, "months")
    answers = AttendanceAnswer.objects.filter(meeting__starts_at__lt=cutoff)
    invitations = SubstituteInvitation.objects.filter(meeting__starts_at__lt=cutoff)
    reminders = MeetingReminder.objects.filter(meeting__starts_at__lt=cutoff)
    count = answers.count() + invitations.count() + reminders.count()
    if not dry_run:
        meeting_ids = set(answers.values_list("meeting_id", flat=True))
        answers.delete()
        # After the rows: deleting them writes a history entry of its own.
        AttendanceAnswer.history.filter(meeting_id__in=meeting_ids).delete()
        invitations.delete()
        reminders.delete()
    return count


def _answer(a):
    return {
        "møde": a.meeting.display_title,
        "råd": a.meeting.council.name,
        "dato": _when(a.meeting.starts_at),
        "svar": a.get_answer_display(),
        "svaret": _when(a.answered_at),
        "skrevet_ind_af_en_anden": a.entered_by_someone_else,
    }


def _support(r):
    return {
        "møde": r.meeting.display_title,
        "dato": _when(r.meeting.starts_at),
        "behov": r.needs(),
        "beskrivelse": r.details,
        "oprettet": _when(r.created_at),
        "ordnet": _when(r.handled_at),
    }


def _forget_support(user, identity):
    # What a former member needed to attend serves nobody once they are gone.
    SupportRequest.objects.filter(membership__user=user).delete()


KINDS = [
    PersonalDataKind(
        name="participation.answers",
        label=_("Dine svar om, du kommer til møderne"),
        rows=lambda user: AttendanceAnswer.objects.filter(membership__user=user).select_related(
            "meeting__council", "membership"
        ),
        serialize=_answer,
        retention=Retention(
            setting="PORTAL_RETENTION_ATTENDANCE_ANSWER_MONTHS",
            unit="months",
            label=_(
                "Svar om fremmøde, invitationer af suppleanter og påmindelser slettes, "
                "regnet fra mødets dato"
            ),
            apply=_old_answers,
        ),
    ),
    PersonalDataKind(
        name="participation.substitute_invitations",
        label=_("Invitationer som suppleant"),
        rows=lambda user: SubstituteInvitation.objects.filter(substitute__user=user).select_related(
            "meeting", "seat__user"
        ),
        serialize=lambda i: {
            "møde": i.meeting.display_title,
            "dato": _when(i.meeting.starts_at),
            "status": i.get_state_display(),
            "inviteret": _when(i.invited_at),
        },
    ),
    PersonalDataKind(
        name="participation.support_requests",
        label=_("Ønsker om støtte til at deltage (transport, tolk, hjælper, tilgængelighed)"),
        rows=lambda user: SupportRequest.objects.filter(membership__user=user).select_related(
            "meeting"
        ),
        serialize=_support,
        pseudonymise=_forget_support,
        mentions=lambda user: [
            (SupportRequest.objects.exclude(membership__user=user), ["details"])
        ],
        retention=Retention(
            setting="PORTAL_RETENTION_SUPPORT_REQUEST_DAYS",
            unit="days",
            label=_("Ønsker om støtte slettes, regnet fra mødets dato"),
            apply=_old_support_requests,
        ),
    ),
    PersonalDataKind(
        name="participation.reminders",
        label=_("Påmindelser om møder, du har fået på e-mail"),
        rows=lambda user: MeetingReminder.objects.filter(user=user).select_related("meeting"),
        serialize=lambda r: {"møde": r.meeting.display_title, "sendt": _when(r.queued_at)},
        pseudonymise=lambda user, identity: MeetingReminder.objects.filter(user=user).delete(),
    ),
]
