"""Digest benchmark: the daily digest for a `generate_volume --scale 1` municipality.

    .venv/bin/python bench/digest.py                    # uses (and if needed fills) the database
    BENCH_DB=portal_other BENCH_NEWS=20000 .venv/bin/python bench/digest.py

Like bench/load.py it creates the PostgreSQL database once (default `portal_digest_bench`) and
fills it with `generate_volume --scale 1` (1,000 users, 100,000 comments). It then records a
heavy day's news as digest notices — every member who commented on an item hears of the
`BENCH_NEWS` (default 10,000) latest comments on it by others, and every member hears of the
agendas and minutes of 100 meetings — and times:
  1. `notifications.send_digests` (the job: Digest rows, notices, outbox rows, "sent up to"),
     with the queries of each batch of users counted;
  2. the outbox sending every digest e-mail (built and rendered per user, locmem backend).
The notices, digests and e-mails it made are removed at the end. It is not a test.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.environment import use_bench_database  # noqa: E402

DB_NAME = use_bench_database("portal_digest_bench")
NEWS = int(os.environ.get("BENCH_NEWS", "10000"))
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"


def prepare():
    from bench.load import ensure_database

    ensure_database()


def _clean():
    from notifications.mail import DIGEST_MAIL, NOTICE_MAIL
    from notifications.models import Digest, Notice, NotificationProfile
    from outbox.models import Message

    Notice.objects.all().delete()
    Digest.objects.all().delete()
    NotificationProfile.objects.all().delete()
    Message.objects.filter(kind__in=[DIGEST_MAIL, NOTICE_MAIL]).delete()


def record_news(now):
    """A heavy day's news as digest notices (bulk; no e-mail is sent here)."""
    from councils.models import Comment, Meeting, MeetingStatus, Membership
    from notifications.kinds import Kind
    from notifications.models import Channel, Notice

    members = {}
    for council_id, user_id in Membership.objects.active().values_list("council_id", "user_id"):
        members.setdefault(council_id, set()).add(user_id)
    news = list(
        Comment.objects.filter(hidden_at__isnull=True)
        .order_by("-created_at", "-pk")
        .values_list("pk", "item_id", "item__meeting_id", "item__meeting__council_id", "author_id")[
            :NEWS
        ]
    )
    authors = {}
    for item_id, author_id in (
        Comment.objects.filter(item_id__in={row[1] for row in news})
        .values_list("item_id", "author_id")
        .distinct()
    ):
        authors.setdefault(item_id, set()).add(author_id)
    notices = []
    for pk, item_id, meeting_id, council_id, author_id in news:
        for user_id in authors[item_id] - {author_id}:
            if user_id in members.get(council_id, ()):
                notices.append(
                    Notice(
                        user_id=user_id,
                        kind=Kind.NEW_COMMENTS,
                        channel=Channel.DIGEST,
                        key=f"comment:{pk}",
                        meeting_id=meeting_id,
                        item_id=item_id,
                        comment_id=pk,
                        created_at=now,
                    )
                )
    meetings = list(
        Meeting.objects.filter(status=MeetingStatus.PUBLISHED)
        .order_by("-starts_at")
        .values_list("pk", "council_id")[:50]
    ) + list(
        Meeting.objects.filter(status=MeetingStatus.MINUTES_APPROVED)
        .order_by("-starts_at")
        .values_list("pk", "council_id")[:50]
    )
    for index, (meeting_id, council_id) in enumerate(meetings):
        kind = Kind.AGENDA_PUBLISHED if index < 50 else Kind.MINUTES_APPROVED
        for user_id in members.get(council_id, ()):
            notices.append(
                Notice(
                    user_id=user_id,
                    kind=kind,
                    channel=Channel.DIGEST,
                    key=f"{kind}:{meeting_id}",
                    meeting_id=meeting_id,
                    created_at=now,
                )
            )
    Notice.objects.bulk_create(notices, batch_size=5000)
    return len(notices)


def main():
    prepare()
    import django

    django.setup()

    from unittest import mock

    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from notifications import services
    from notifications.models import Notice
    from outbox.services import send_due

    mail.outbox = []
    _clean()
    now = timezone.now()
    started = time.monotonic()
    notices = record_news(now)
    users = Notice.objects.values("user_id").distinct().count()
    print(
        f"news: {notices} notices for {users} users (recorded in {time.monotonic() - started:.1f} s)"
    )

    batches = []
    real_batch = services.digest_batch

    def counted(user_ids, **kwargs):
        first = min(user_ids)
        with CaptureQueriesContext(connection) as ctx:
            made = real_batch(user_ids, **kwargs)
        held = Notice.objects.filter(user_id__in=user_ids).count()
        batches.append((len(user_ids), held, len(ctx.captured_queries), made, first))
        return made

    # The job alone: the outbox's after-commit trigger is held back and timed separately.
    with (
        mock.patch.object(services, "digest_batch", counted),
        mock.patch("outbox.services.trigger_send"),
    ):
        started = time.monotonic()
        digests = services.send_digests(now=now)
        job = time.monotonic() - started
    queries = [b[2] for b in batches]
    print(f"job: {digests} digests in {len(batches)} batches, {job:.1f} s")
    for size, held, count, made, _first in batches:
        print(f"  batch of {size} users, {held} notices: {count} queries, {made} digests")
    print(f"  queries per batch: min {min(queries)}, max {max(queries)}")

    counter = {"n": 0}

    def count_query(execute, sql, params, many, context):
        counter["n"] += 1
        return execute(sql, params, many, context)

    started = time.monotonic()
    sent = 0
    with connection.execute_wrapper(count_query):
        while True:
            done = send_due(limit=500)
            if not done:
                break
            sent += done
    sending = time.monotonic() - started
    sizes = [len(m.body) for m in mail.outbox]
    print(
        f"sending: {sent} e-mails in {sending:.1f} s, {counter['n'] / max(sent, 1):.1f} queries "
        f"per e-mail, median text {statistics.median(sizes) if sizes else 0:.0f} chars"
    )
    print(f"total: {job + sending:.1f} s (target: 60 s)")
    started = time.monotonic()
    assert services.send_digests(now=now) == 0
    print(f"rerun the same day: 0 digests in {time.monotonic() - started:.2f} s")
    _clean()


if __name__ == "__main__":
    main()
