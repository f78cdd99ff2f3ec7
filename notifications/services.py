"""Recording what each member is to be told, and the daily digest job.

Every event goes through ``notify``: per recipient it reads the member's choice for the
kind — at once (a ``Notice`` and an outbox e-mail), in the digest (a ``Notice`` that waits) or
off (nothing). A ``Notice`` is unique per user and key, so an event recorded twice (a rerun,
a second click) is told once. Call ``notify`` inside the transaction of the change it reports.
"""

import hashlib
import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from councils.models import Comment, Meeting, MeetingStatus
from councils.services import agenda_recipients
from notifications.kinds import Frequency, Kind
from notifications.mail import DIGEST_MAIL, NOTICE_MAIL
from notifications.models import Channel, Digest, Notice, NotificationProfile, frequencies_for
from outbox.services import enqueue_many

logger = logging.getLogger(__name__)

DIGEST_BATCH_SIZE = 200


def languages_for(user_ids) -> dict[int, str]:
    return dict(
        NotificationProfile.objects.filter(user_id__in=list(user_ids)).values_list(
            "user_id", "language"
        )
    )


def notify(*, kind: str, users, meeting: Meeting, key: str, item=None, comment=None, detail=""):
    """Records ``kind`` for ``users`` (User objects) as each has chosen; returns the notices
    made (those already recorded under ``key`` are left as they are)."""
    users = {user.pk: user for user in users if user.is_active}
    if not users:
        return []
    chosen = frequencies_for(users)
    known = set(
        Notice.objects.filter(key=key, user_id__in=list(users)).values_list("user_id", flat=True)
    )
    now = timezone.now()
    new = [
        Notice(
            user_id=pk,
            kind=kind,
            channel=Channel.IMMEDIATELY
            if chosen[pk][kind] == Frequency.IMMEDIATELY
            else Channel.DIGEST,
            key=key,
            meeting=meeting,
            item=item,
            comment=comment,
            detail=detail,
            created_at=now,
        )
        for pk in users
        if pk not in known and chosen[pk][kind] != Frequency.OFF
    ]
    if not new:
        return []
    try:
        with transaction.atomic():
            made = Notice.objects.bulk_create(new)
    except IntegrityError:  # recorded meanwhile by a concurrent run: keep the others
        made = []
        for notice in new:
            try:
                with transaction.atomic():
                    notice.save()
                made.append(notice)
            except IntegrityError:
                continue
    at_once = [notice for notice in made if notice.channel == Channel.IMMEDIATELY]
    languages = languages_for(notice.user_id for notice in at_once)
    enqueue_many(
        kind=NOTICE_MAIL,
        messages=[
            (users[n.user_id].email, {"notice": n.pk}, languages.get(n.user_id, "da"))
            for n in at_once
        ],
    )
    return made


# --- the events -------------------------------------------------------------------------


def agenda_published(*, meeting: Meeting, users, fingerprint: str) -> set[int]:
    """Inside the publishing transaction (``councils.signals.agenda_publishing``): records the
    agenda for members who chose the digest; returns every user id councils must not e-mail
    (digest or off). Members who chose "at once" get councils' own agenda e-mail, as before."""
    users = list(users)
    chosen = frequencies_for(user.pk for user in users)
    digest = [u for u in users if chosen[u.pk][Kind.AGENDA_PUBLISHED] == Frequency.DIGEST]
    notify(
        kind=Kind.AGENDA_PUBLISHED,
        users=digest,
        meeting=meeting,
        key=f"agenda:{meeting.pk}:{fingerprint[:16]}",
    )
    return {u.pk for u in users if chosen[u.pk][Kind.AGENDA_PUBLISHED] != Frequency.IMMEDIATELY}


# A comment written (or loaded) with an older date is history, not news: the demo and imports.
BACKDATED = timedelta(days=1)


def comment_posted(comment: Comment) -> None:
    """Tells the other members who commented on the same item."""
    if comment.hidden_at is not None or comment.created_at < timezone.now() - BACKDATED:
        return
    item = comment.item
    meeting = item.meeting
    authors = set(
        Comment.objects.filter(item=item)
        .exclude(author_id=comment.author_id)
        .values_list("author_id", flat=True)
    )
    if not authors:
        return
    members = agenda_recipients(meeting).filter(pk__in=authors)
    notify(
        kind=Kind.NEW_COMMENTS,
        users=members,
        meeting=meeting,
        item=item,
        comment=comment,
        key=f"comment:{comment.pk}",
    )


def response_recorded(response) -> None:
    """The administration answered the council's statement: tell the council's members."""
    item = response.statement.item
    notify(
        kind=Kind.RESPONSE,
        users=agenda_recipients(item.meeting),
        meeting=item.meeting,
        item=item,
        key=f"response:{response.pk}",
    )


def minutes_approved(meeting: Meeting) -> None:
    notify(
        kind=Kind.MINUTES_APPROVED,
        users=agenda_recipients(meeting),
        meeting=meeting,
        key=f"minutes:{meeting.pk}",
    )


def meeting_changed(meeting: Meeting, change: str) -> None:
    """After commit (``councils.signals.meeting_changed``): moved or cancelled. A meeting
    that has been held is history: correcting its place tells nobody."""
    if change == "moved" and meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED):
        return
    if change == "moved":
        where = f"{meeting.starts_at.isoformat()}|{meeting.ends_at}|{meeting.location}"
        key = f"moved:{meeting.pk}:{hashlib.sha256(where.encode()).hexdigest()[:16]}"
    else:
        key = f"{change}:{meeting.pk}"
    with transaction.atomic():
        notify(
            kind=Kind.MEETING_CHANGED,
            users=agenda_recipients(meeting),
            meeting=meeting,
            key=key,
            detail=change,
        )


DEADLINE_NOTICE_DAYS = 2


def deadline_reminders(*, now=None) -> int:
    """Members who have not commented on a meeting whose comment deadline falls in two days
    (local date) hear about it; run daily. Idempotent: the key holds the deadline."""
    now = now or timezone.now()
    day = timezone.localdate(now) + timedelta(days=DEADLINE_NOTICE_DAYS)
    meetings = Meeting.objects.filter(status=MeetingStatus.PUBLISHED, starts_at__gt=now)
    count = 0
    for meeting in meetings.select_related("council"):
        deadline = meeting.effective_deadline
        if timezone.localdate(deadline) != day or deadline <= now:
            continue
        commented = Comment.objects.filter(item__meeting=meeting).values("author_id")
        users = agenda_recipients(meeting).exclude(pk__in=commented)
        with transaction.atomic():
            count += len(
                notify(
                    kind=Kind.COMMENT_DEADLINE,
                    users=users,
                    meeting=meeting,
                    key=f"deadline:{meeting.pk}:{deadline.isoformat()}",
                )
            )
    return count


# --- the daily digest ---------------------------------------------------------------------


def pending_digest_users(after: int = 0, limit: int = DIGEST_BATCH_SIZE) -> list[int]:
    return list(
        Notice.objects.filter(channel=Channel.DIGEST, digest__isnull=True, user_id__gt=after)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()[:limit]
    )


def send_digests(*, now=None, batch_size: int = DIGEST_BATCH_SIZE) -> int:
    """Puts one digest e-mail per user with news in the outbox; returns how many.

    Users are taken in batches; each batch commits its ``Digest`` rows (unique per user and
    day), the notices they hold, the outbox e-mails and the users' "sent up to" time together.
    A rerun — or a worker killed mid-run and started again — skips the users who have today's
    digest and picks up the rest: at most one digest per user and day, and no notice left out
    (a notice recorded after today's digest waits for tomorrow's). The outbox sends at least
    once: should the database fail between sending and recording, a digest is sent again.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    made, after = 0, 0
    while True:
        user_ids = pending_digest_users(after, batch_size)
        if not user_ids:
            return made
        after = user_ids[-1]
        try:
            made += digest_batch(user_ids, day=day, now=now)
        except IntegrityError:  # another run wrote some of these digests meanwhile
            made += digest_batch(user_ids, day=day, now=now)


@transaction.atomic
def digest_batch(user_ids: list[int], *, day, now) -> int:
    """One batch: a constant number of queries whatever the number of users or notices."""
    done = set(
        Digest.objects.filter(day=day, user_id__in=user_ids).values_list("user_id", flat=True)
    )
    todo = [pk for pk in user_ids if pk not in done]
    if not todo:
        return 0
    users = dict(
        get_user_model().objects.filter(pk__in=todo, is_active=True).values_list("pk", "email")
    )
    gone = [pk for pk in todo if pk not in users]
    if gone:  # switched off: nothing more goes to them
        Notice.objects.filter(
            user_id__in=gone, channel=Channel.DIGEST, digest__isnull=True
        ).delete()
    if not users:
        return 0
    profiles = {p.user_id: p for p in NotificationProfile.objects.filter(user_id__in=list(users))}
    Digest.objects.bulk_create(
        [
            Digest(
                user_id=pk,
                day=day,
                since=profiles[pk].digest_sent_up_to if pk in profiles else None,
                up_to=now,
            )
            for pk in users
        ]
    )
    Notice.objects.filter(
        user_id__in=list(users), channel=Channel.DIGEST, digest__isnull=True
    ).update(
        digest=Subquery(
            Digest.objects.filter(user_id=OuterRef("user_id"), day=day).values("pk")[:1]
        )
    )
    digests = Digest.objects.filter(day=day, user_id__in=list(users)).values_list("user_id", "pk")
    enqueue_many(
        kind=DIGEST_MAIL,
        messages=[
            (
                users[user_id],
                {"digest": pk},
                profiles[user_id].language if user_id in profiles else "da",
            )
            for user_id, pk in digests
        ],
    )
    NotificationProfile.objects.bulk_create(
        [NotificationProfile(user_id=pk, digest_sent_up_to=now) for pk in users],
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=["digest_sent_up_to"],
    )
    return len(users)
