"""Answers, substitutes, support requests and reminders. Every e-mail goes through the outbox,
enqueued in the transaction of the change it reports."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from councils.models import UPCOMING_STATUSES, Meeting, Membership
from participation import notices
from participation.models import (
    Answer,
    AttendanceAnswer,
    InvitationState,
    MeetingReminder,
    SubstituteInvitation,
    SupportRequest,
)
from participation.selectors import LIVE_STATES, council_secretaries, expected_members


class AnswersClosed(Exception):
    """The meeting has begun, was cancelled or has been held: answers no longer change."""


class InvitationGone(Exception):
    """The substitute's invitation was withdrawn, or another substitute took the seat."""


def answers_open(meeting, now=None) -> bool:
    return meeting.status in UPCOMING_STATUSES and meeting.starts_at > (now or timezone.now())


@transaction.atomic
def give_answer(*, meeting, membership, answer: str, by, now=None) -> tuple[AttendanceAnswer, bool]:
    """Records ``membership``'s answer for ``meeting`` (by the member, or by the secretary who
    took a phone call). Returns (answer row, whether anything changed).

    A member's "no" invites the seat's substitutes; a "yes" again withdraws the invitations.
    A substitute's "yes" takes the seat if no other substitute did first. The seat's row is
    locked, so two substitutes answering at once cannot both take it.
    """
    now = now or timezone.now()
    meeting = Meeting.objects.select_related("council").get(pk=meeting.pk)
    if not answers_open(meeting, now):
        raise AnswersClosed
    seat_id = membership.substitute_for_id or membership.pk
    list(Membership.objects.select_for_update().filter(pk=seat_id))
    invitation = None
    if membership.substitute_for_id:
        invitation = SubstituteInvitation.objects.filter(
            meeting=meeting, substitute=membership, state__in=LIVE_STATES
        ).first()
        if invitation is None:
            raise InvitationGone
    previous = AttendanceAnswer.objects.filter(meeting=meeting, membership=membership).first()
    if previous is not None and previous.answer == answer and previous.answered_by_id == by.pk:
        return previous, False
    before = previous.answer if previous is not None else None
    if previous is None:
        row = AttendanceAnswer.objects.create(
            meeting=meeting, membership=membership, answer=answer, answered_by=by, answered_at=now
        )
    else:
        row = previous
        row.answer, row.answered_by, row.answered_at = answer, by, now
        row.save(update_fields=["answer", "answered_by", "answered_at"])
    if invitation is not None:
        _substitute_answered(invitation, answer, now)
    elif before != answer:
        _member_answered(meeting, membership, answer, now)
    return row, True


def _member_answered(meeting, seat, answer, now):
    if answer == Answer.NO:
        _invite_substitutes(meeting, seat, now)
    elif answer == Answer.YES:
        _withdraw_invitations(meeting, seat, now)


def _invite_substitutes(meeting, seat, now):
    substitutes = Membership.objects.active().filter(substitute_for=seat, user__is_active=True)
    for substitute in substitutes.select_related("user"):
        invitation, created = SubstituteInvitation.objects.get_or_create(
            meeting=meeting, substitute=substitute, defaults={"seat": seat, "invited_at": now}
        )
        if not created and invitation.state != InvitationState.WITHDRAWN:
            continue
        if not created:
            invitation.state = InvitationState.OPEN
            invitation.invited_at = invitation.changed_at = now
            invitation.notified_at = None
            invitation.save(update_fields=["state", "invited_at", "changed_at", "notified_at"])
            # A new invitation is a new question: an answer to the withdrawn one is void.
            AttendanceAnswer.objects.filter(meeting=meeting, membership=substitute).delete()
        notices.tell_substitute(invitation)


def _withdraw_invitations(meeting, seat, now):
    for invitation in SubstituteInvitation.objects.filter(
        meeting=meeting, seat=seat, state__in=LIVE_STATES
    ).select_related("substitute__user"):
        invitation.state, invitation.changed_at = InvitationState.WITHDRAWN, now
        invitation.save(update_fields=["state", "changed_at"])
        notices.tell_substitute(invitation)
    SubstituteInvitation.objects.filter(
        meeting=meeting, seat=seat, state=InvitationState.FILLED
    ).update(state=InvitationState.WITHDRAWN, changed_at=now)


def _substitute_answered(invitation, answer, now):
    others = SubstituteInvitation.objects.filter(
        meeting_id=invitation.meeting_id, seat_id=invitation.seat_id
    ).exclude(pk=invitation.pk)
    if answer == Answer.YES and invitation.state == InvitationState.OPEN:
        # First yes wins: the seat is taken, the other substitutes are told.
        invitation.state, invitation.changed_at = InvitationState.ACCEPTED, now
        invitation.save(update_fields=["state", "changed_at"])
        for other in others.filter(state=InvitationState.OPEN).select_related("substitute__user"):
            other.state, other.changed_at = InvitationState.FILLED, now
            other.save(update_fields=["state", "changed_at"])
            notices.tell_substitute(other)
    elif answer != Answer.YES and invitation.state == InvitationState.ACCEPTED:
        # The one who took the seat cannot come after all: the seat is open again.
        invitation.state, invitation.changed_at = InvitationState.OPEN, now
        invitation.save(update_fields=["state", "changed_at"])
        for other in others.filter(state=InvitationState.FILLED).select_related("substitute__user"):
            other.state, other.changed_at, other.notified_at = InvitationState.OPEN, now, None
            other.save(update_fields=["state", "changed_at", "notified_at"])
            notices.tell_substitute(other)


@transaction.atomic
def save_support_request(*, meeting, membership, needs: dict, details: str, now=None):
    """Creates, changes or (when nothing is asked for) removes the member's support request.
    A new or changed request is "not handled" again and the secretaries are told."""
    now = now or timezone.now()
    details = details.strip()
    needs = {name: bool(needs.get(name)) for name in SupportRequest.NEEDS}
    existing = (
        SupportRequest.objects.select_for_update()
        .filter(meeting=meeting, membership=membership)
        .first()
    )
    if not any(needs.values()) and not details:
        if existing is not None:
            existing.delete()
        return None
    if (
        existing is not None
        and existing.details == details
        and all(getattr(existing, name) == value for name, value in needs.items())
    ):
        return existing
    request = existing or SupportRequest(meeting=meeting, membership=membership, created_at=now)
    for name, value in needs.items():
        setattr(request, name, value)
    request.details = details
    request.updated_at = now
    request.handled_at = request.handled_by = None
    request.save()
    for secretary in council_secretaries(meeting.council_id):
        notices.tell_secretary(request, secretary)
    return request


@transaction.atomic
def mark_support_handled(*, request: SupportRequest, by, handled: bool = True) -> bool:
    """Marks a request "ordnet" (or not); False when it already was (a second click)."""
    request = SupportRequest.objects.select_for_update().get(pk=request.pk)
    if request.is_handled == handled:
        return False
    request.handled_at = timezone.now() if handled else None
    request.handled_by = by if handled else None
    request.save(update_fields=["handled_at", "handled_by"])
    return True


def meetings_due_for_reminders(now=None):
    now = now or timezone.now()
    ahead = timedelta(hours=settings.PORTAL_REMINDER_HOURS_BEFORE)
    return Meeting.objects.filter(
        status__in=UPCOMING_STATUSES, starts_at__gt=now, starts_at__lte=now + ahead
    ).order_by("starts_at", "pk")


def queue_reminders(*, now=None) -> int:
    """Puts one reminder per expected person in the outbox for each meeting starting within
    ``PORTAL_REMINDER_HOURS_BEFORE`` hours. The unique ``MeetingReminder`` row, written in the
    same transaction as the outbox row, makes every rerun a no-op for whoever has one."""
    queued = 0
    for meeting in meetings_due_for_reminders(now):
        done = set(
            MeetingReminder.objects.filter(meeting=meeting).values_list("user_id", flat=True)
        )
        for user in expected_members(meeting):
            if user.pk in done or not user.email:
                continue
            try:
                with transaction.atomic():
                    MeetingReminder.objects.create(meeting=meeting, user=user)
                    notices.remind(meeting, user)
            except IntegrityError:
                continue  # another run queued it a moment ago
            queued += 1
    return queued
