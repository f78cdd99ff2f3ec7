"""Every write of the councils app that touches several rows, or a row and a file.

Each runs in one transaction (``transaction.atomic``, or ``core.files.atomic_with_files``
when it stores a file), so a failure half-way leaves nothing half-written; files are
deleted with ``core.files.delete_files_on_commit``, after their rows. A write to an
agenda locks the meeting row and checks the agenda lock under it (``_lock_open``).
"""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.email import absolute_url, build_templated_mail
from core.files import atomic_with_files, delete_files_on_commit
from councils.models import (
    AgendaItem,
    AgendaNotification,
    Attachment,
    Attendance,
    CalendarToken,
    Comment,
    Council,
    Meeting,
    MeetingStatus,
    Membership,
    Response,
    Statement,
    new_calendar_token,
)
from councils.signals import agenda_mail_headers, agenda_publishing, meeting_changed
from outbox.models import Message, Status
from outbox.services import enqueue


def _renumber(meeting_id: int) -> None:
    items = list(AgendaItem.objects.filter(meeting_id=meeting_id).order_by("number", "pk"))
    for number, item in enumerate(items, start=1):
        if item.number != number:
            item.number = number
            item.save(update_fields=["number"])


class AgendaLocked(Exception):
    """The minutes were approved (perhaps a moment ago, in another request)."""


def _lock(meeting_id: int) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting_id)


def _lock_open(meeting_id: int) -> Meeting:
    # The views refuse a locked agenda already; under the row lock a concurrent
    # approval cannot slip in between their check and this write.
    meeting = _lock(meeting_id)
    if meeting.agenda_locked:
        raise AgendaLocked
    return meeting


@transaction.atomic
def add_item(*, item: AgendaItem) -> AgendaItem:
    """Puts a new item last on its meeting's agenda."""
    _lock_open(item.meeting_id)
    last = AgendaItem.objects.filter(meeting_id=item.meeting_id).aggregate(n=Max("number"))["n"]
    item.number = (last or 0) + 1
    item.save()
    return item


@transaction.atomic
def update_item(*, item: AgendaItem) -> AgendaItem:
    """Saves an edited item (its form's fields), unless the agenda was locked meanwhile."""
    _lock_open(item.meeting_id)
    item.save()
    return item


@transaction.atomic
def record_statement(*, statement: Statement, first_put_on, user) -> Statement:
    """The council's statement and the date its item was first on an agenda, together."""
    item = statement.item
    _lock_open(item.meeting_id)
    statement.recorded_by = user
    statement.save()
    item.first_put_on = first_put_on
    item.save(update_fields=["first_put_on"])
    return statement


@transaction.atomic
def record_response(*, response: Response, user) -> Response:
    """The administration's answer; not bound by the agenda lock (see rules.agenda_is_open)."""
    response.recorded_by = user
    response.save()
    return response


@transaction.atomic
def move_item(*, item: AgendaItem, direction: str) -> None:
    """Moves an item one place up or down; every number follows the new order."""
    _lock_open(item.meeting_id)
    _renumber(item.meeting_id)
    items = list(AgendaItem.objects.filter(meeting_id=item.meeting_id).order_by("number"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for number, other in enumerate(items, start=1):
        if other.number != number:
            other.number = number
            other.save(update_fields=["number"])


@transaction.atomic
def delete_item(*, item: AgendaItem) -> None:
    meeting_id = item.meeting_id
    _lock_open(meeting_id)
    delete_files_on_commit(*(attachment.file for attachment in item.attachments.all()))
    item.delete()
    _renumber(meeting_id)


def add_attachment(*, attachment: Attachment, upload, user) -> Attachment:
    """Stores a bilag's file and row together: a failed row leaves no file behind.

    A 15 MB upload can outlast a minutes approval made meanwhile, so the agenda
    lock is checked again under the meeting's row lock.
    """
    with atomic_with_files() as stored:
        _lock_open(attachment.item.meeting_id)
        attachment.uploaded_by = user
        attachment.take_upload(upload, stored)
        attachment.save()
    return attachment


@transaction.atomic
def delete_attachment(*, attachment: Attachment) -> None:
    """The row goes first; the file only once that has committed."""
    _lock_open(attachment.item.meeting_id)
    attachment.delete()
    delete_files_on_commit(attachment.file)


def agenda_fingerprint(meeting: Meeting) -> str:
    """Changes whenever what the members were told changes (time, place, items, bilag)."""
    items = meeting.items.order_by("number").values_list(
        "pk", "number", "title", "kind", "body", "recommendation"
    )
    attachments = meeting.items.values_list("attachments__pk", flat=True).order_by(
        "attachments__pk"
    )
    data = {
        "starts_at": meeting.starts_at.isoformat(),
        "location": meeting.location,
        "deadline": meeting.effective_deadline.isoformat(),
        "items": [list(row) for row in items],
        "attachments": [pk for pk in attachments if pk is not None],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


AGENDA_MAIL = "councils.agenda_published"


@transaction.atomic
def publish_agenda(*, meeting: Meeting, seen_status: str = "") -> bool:
    """Makes the agenda visible to the members and, in the same transaction, records one
    e-mail per member in the outbox: the publication never commits without its e-mails.

    Returns False when this was done already: the form was posted from a planned
    meeting that is published now (a double click), or this very version of the
    agenda has been sent. The outbox reaches only members who have not had this
    version, so a repeat sends nothing twice.
    """
    meeting = _lock(meeting.pk)
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.PUBLISHED):
        raise ValueError("Only a planned or published agenda can be published.")
    done_before = meeting.status == MeetingStatus.PUBLISHED and (
        seen_status == MeetingStatus.PLANNED
        or AgendaNotification.objects.filter(
            meeting=meeting, fingerprint=agenda_fingerprint(meeting)
        ).exists()
    )
    if meeting.status == MeetingStatus.PLANNED:
        meeting.status = MeetingStatus.PUBLISHED
        meeting.agenda_published_at = timezone.now()
        meeting.save(update_fields=["status", "agenda_published_at"])
    enqueue_agenda_mails(meeting)
    return not done_before


def agenda_recipients(meeting: Meeting):
    user_ids = (
        Membership.objects.active(timezone.localdate())
        .filter(council_id=meeting.council_id, user__is_active=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    return get_user_model().objects.filter(pk__in=user_ids).order_by("pk")


def enqueue_agenda_mails(meeting: Meeting) -> int:
    """Puts an e-mail in the outbox for each active member who has neither had this version
    of the agenda nor has one waiting. Call inside the publishing transaction."""
    fingerprint = agenda_fingerprint(meeting)
    notified = set(
        AgendaNotification.objects.filter(meeting=meeting, fingerprint=fingerprint).values_list(
            "user_id", flat=True
        )
    )
    waiting = {
        message.payload.get("user")
        for message in Message.objects.of_kind(AGENDA_MAIL, meeting=meeting.pk).filter(
            status=Status.PENDING
        )
    }
    users = [u for u in agenda_recipients(meeting) if u.pk not in notified | waiting]
    # The members who chose the digest or no agenda e-mail are taken over by a listener.
    taken = set()
    for _receiver, result in agenda_publishing.send(
        sender=Meeting, meeting=meeting, users=users, fingerprint=fingerprint
    ):
        taken |= set(result or ())
    count = 0
    for user in users:
        if user.pk in taken:
            continue
        enqueue(
            kind=AGENDA_MAIL,
            recipient=user.email,
            payload={"meeting": meeting.pk, "user": user.pk},
            language="da",
        )
        count += 1
    return count


def build_agenda_mail(message: Message):
    """Builds one member's agenda e-mail when the outbox sends it, and records it.

    Idempotent: the AgendaNotification row (meeting, member, agenda version) is written in
    the outbox's sending transaction, so a rerun — or a second publish of an unchanged
    agenda — sends nothing twice. Nothing is sent to someone who is no longer a member,
    or about an agenda that is no longer published.
    """
    meeting = (
        Meeting.objects.select_related("council")
        .filter(pk=message.payload["meeting"], status=MeetingStatus.PUBLISHED)
        .first()
    )
    if meeting is None:
        return None
    user = agenda_recipients(meeting).filter(pk=message.payload["user"]).first()
    if user is None:
        return None
    fingerprint = agenda_fingerprint(meeting)
    earlier = AgendaNotification.objects.filter(meeting=meeting, user=user)
    if earlier.filter(fingerprint=fingerprint).exists():
        return None
    updated = earlier.exists()
    AgendaNotification.objects.create(meeting=meeting, user=user, fingerprint=fingerprint)
    email = build_templated_mail(
        "councils/email/agenda_published",
        {
            "meeting": meeting,
            "council": meeting.council,
            "items": list(meeting.items.order_by("number")),
            "link": absolute_url(meeting.get_absolute_url()),
            "recipient": user,
            "updated": updated,
        },
        [user.email],
    )
    for _receiver, headers in agenda_mail_headers.send(sender=Meeting, meeting=meeting, user=user):
        email.extra_headers.update(headers or {})
    return email


@transaction.atomic
def mark_held(*, meeting: Meeting) -> None:
    meeting = _lock(meeting.pk)
    if meeting.status != MeetingStatus.PUBLISHED:
        raise ValueError("Only a meeting with a published agenda can be marked as held.")
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])


class AlreadyApproved(Exception):
    """The same minutes were approved a moment ago (a double click on "Godkend")."""


@transaction.atomic
def save_minutes(*, meeting: Meeting, minutes: str, approve: bool) -> None:
    locked = _lock(meeting.pk)
    if already_approved(locked, minutes=minutes, approve=approve):
        raise AlreadyApproved
    if locked.agenda_locked:
        raise AgendaLocked
    if locked.status != MeetingStatus.HELD:
        raise ValueError("Minutes belong to a meeting that has been held.")
    locked.minutes = minutes
    fields = ["minutes"]
    if approve:
        locked.status = MeetingStatus.MINUTES_APPROVED
        locked.minutes_approved_at = timezone.now()
        fields += ["status", "minutes_approved_at"]
    locked.save(update_fields=fields)


def already_approved(meeting: Meeting, *, minutes: str, approve: bool) -> bool:
    # Only the same text: a different one was typed after the approval and is refused.
    return (
        approve
        and meeting.status == MeetingStatus.MINUTES_APPROVED
        and meeting.minutes.replace("\r\n", "\n").strip() == minutes.replace("\r\n", "\n").strip()
    )


def post_comment(*, item: AgendaItem, author, text: str, parent: Comment | None = None) -> Comment:
    # Replies go one level deep: a reply to a reply joins its thread.
    if parent is not None and parent.parent_id is not None:
        parent = parent.parent
    return Comment.objects.create(item=item, author=author, text=text, parent=parent)


def edit_comment(*, comment: Comment, text: str) -> None:
    comment.text = text
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "edited_at"])


def hide_comment(*, comment: Comment, by, reason: str) -> None:
    comment.hidden_at = timezone.now()
    comment.hidden_by = by
    comment.hidden_reason = reason
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])


@transaction.atomic
def record_attendance(*, meeting: Meeting, statuses: dict[int, str]) -> None:
    """``statuses``: membership id → attendance status; an empty status removes the record."""
    _lock_open(meeting.pk)
    existing = {a.membership_id: a for a in meeting.attendances.all()}
    for membership_id, status in statuses.items():
        current = existing.get(membership_id)
        if not status:
            if current is not None:
                current.delete()
        elif current is None:
            Attendance.objects.create(meeting=meeting, membership_id=membership_id, status=status)
        elif current.status != status:
            current.status = status
            current.save(update_fields=["status"])


@transaction.atomic
def set_listing_consent(*, council: Council, user, listed: bool) -> int:
    """One consent for all of the member's active seats in the council; returns how many.

    Saved seat by seat so that the change history records each (a queryset update
    would bypass it), all in one transaction: never some seats listed and some not.
    """
    seats = list(
        Membership.objects.active()
        .select_for_update()
        .filter(council=council, user=user)
        .order_by("pk")
    )
    for seat in seats:
        seat.listed_publicly = listed
        seat.save(update_fields=["listed_publicly"])
    return len(seats)


@transaction.atomic
def renew_calendar_token(*, user) -> tuple[CalendarToken, bool]:
    """Gives the user a private calendar address: a first one, or a new secret that
    replaces the old (which stops working). Returns ``(token, created)``.

    The user's row is locked first, so two clicks at once make one token, not an
    integrity error.
    """
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    token = CalendarToken.objects.filter(user=user).first()
    if token is None:
        return CalendarToken.objects.create(user=user), True
    token.token = new_calendar_token()
    token.save(update_fields=["token"])
    return token, False


@transaction.atomic
def revoke_calendar_token(*, user) -> bool:
    """Deletes the user's private calendar address; False when there was none."""
    deleted, _ = CalendarToken.objects.filter(user=user).delete()
    return bool(deleted)


@transaction.atomic
def cancel_meeting(*, meeting: Meeting) -> bool:
    """Cancels a planned or published meeting; False when it was cancelled already (a second
    click). Calendars get ``STATUS:CANCELLED`` with a higher SEQUENCE, and after the commit
    ``meeting_changed`` (change="cancelled") lets the notifications tell the members."""
    locked = _lock(meeting.pk)
    if locked.status == MeetingStatus.CANCELLED:
        return False
    if locked.status not in (MeetingStatus.PLANNED, MeetingStatus.PUBLISHED):
        raise ValueError("Only a planned or published meeting can be cancelled.")
    locked.status = MeetingStatus.CANCELLED
    locked.sequence += 1
    locked.save(update_fields=["status", "sequence"])
    meeting.status, meeting.sequence = locked.status, locked.sequence
    transaction.on_commit(
        lambda: meeting_changed.send(sender=Meeting, meeting=locked, change="cancelled")
    )
    return True
