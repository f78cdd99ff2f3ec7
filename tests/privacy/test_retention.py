"""Point 2: the retention periods, applied by the nightly job and by manage.py."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from audit.models import AccessLog, Action
from councils.models import Comment
from councils.personaldata import REMOVED_TEXT
from notifications.models import Digest, Notice
from outbox.models import Message, Status
from privacy.models import PrivacyAction
from privacy.retention import apply_retention
from privacy.tasks import apply_retention_task
from tests.accounts.factories import UserFactory
from tests.councils.factories import CommentFactory, MeetingFactory, MembershipFactory
from tests.organisation.factories import UnitStaffFactory

pytestmark = pytest.mark.django_db(transaction=False)
YEAR = timedelta(days=366)


@pytest.fixture
def due(world):
    """One row past each period and one just inside it."""
    now, today = timezone.now(), timezone.localdate()
    years = settings.PORTAL_RETENTION_COMMENT_YEARS
    council = world["council"]
    old = MeetingFactory(council=council, starts_at=now - years * YEAR - timedelta(days=2))
    recent = MeetingFactory(council=council, starts_at=now - years * YEAR + timedelta(days=30))
    rows = {
        "old_comment": CommentFactory(
            item__meeting=old, author=world.users["member"], text="Gammel."
        ),
        "recent_comment": CommentFactory(
            item__meeting=recent, author=world.users["member"], text="Nyere."
        ),
    }
    days = settings.PORTAL_RETENTION_HIDDEN_COMMENT_DAYS
    Comment.objects.filter(pk=world["hidden_comment"].pk).update(
        hidden_at=now - timedelta(days=days + 1)
    )
    Comment.objects.filter(pk=world["hidden_reply"].pk).update(
        hidden_at=now - timedelta(days=days - 1)
    )
    former_years = settings.PORTAL_RETENTION_FORMER_MEMBER_YEARS
    rows["former"] = gone = UserFactory(full_name="Frida Fortid")
    MembershipFactory(
        council=council, user=gone, start=today - 10 * YEAR, end=today - former_years * YEAR - YEAR
    )
    rows["lately"] = lately = UserFactory(full_name="Lars Lige")
    MembershipFactory(council=council, user=lately, start=today - 10 * YEAR, end=today - YEAR)
    rows["staff"] = staff = UserFactory(full_name="Sofie Stadig")
    MembershipFactory(
        council=council, user=staff, start=today - 10 * YEAR, end=today - 2 * former_years * YEAR
    )
    UnitStaffFactory(user=staff, unit=world["unit"])
    months = settings.PORTAL_RETENTION_ACCESS_LOG_MONTHS
    for age in [months * 31 + 5, months * 30 - 20]:
        AccessLog.objects.create(
            actor=world.users["member"],
            at=now - timedelta(days=age),
            action=Action.VIEW_MEETING,
            object_type="councils.meeting",
            object_id="1",
            object_repr=f"møde #{age}",
        )
    expired = SessionStore()
    expired.set_expiry(-10)
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(expire_date=now - timedelta(days=1))
    live = SessionStore()
    live.create()
    rows["live_session"] = live.session_key
    keep = settings.PORTAL_OUTBOX_KEEP_DAYS
    for age, address in [(keep + 1, "gammel@test.example"), (keep - 1, "ny@test.example")]:
        Message.objects.create(
            kind="accounts.invitation",
            recipient=address,
            status=Status.SENT,
            sent_at=now - timedelta(days=age),
        )
    keep = settings.PORTAL_NOTIFICATIONS_KEEP_DAYS
    for age in (keep + 1, keep - 1):
        when = now - timedelta(days=age)
        Notice.objects.create(
            user=world.users["member"],
            kind="minutes_approved",
            channel="digest",
            key=f"retention-test:{age}",
            meeting=world["meeting"],
            created_at=when,
        )
        Digest.objects.create(
            user=world.users["member"], day=when.date(), up_to=when, created_at=when
        )
    return rows


def _state():
    return (
        sorted(Message.objects.values_list("pk", flat=True)),
        sorted(Comment.objects.values_list("pk", "text")),
        sorted(AccessLog.objects.values_list("pk", flat=True)),
        sorted(Session.objects.values_list("pk", flat=True)),
        sorted(UserFactory._meta.model.objects.values_list("pk", "full_name", "email")),
        PrivacyAction.objects.count(),
    )


def test_each_period_removes_what_is_past_it_and_nothing_else(world, due):
    counts = apply_retention()

    assert counts == {
        "outbox.messages": 1,
        "accounts.sessions": 1,
        "audit.access_log": 1,
        "councils.comments": 1,
        "councils.hidden_comments": 1,
        # Nothing of participation is due here: tests/participation covers its periods.
        "participation.answers": 0,
        "participation.support_requests": 0,
        "privacy.former_members": 1,
        "notifications.notices": 1,
        "notifications.digests": 1,
    }
    assert list(Message.objects.values_list("recipient", flat=True)) == ["ny@test.example"]
    texts = dict(Comment.objects.values_list("pk", "text"))
    assert texts[due["old_comment"].pk] == REMOVED_TEXT
    assert texts[due["recent_comment"].pk] == "Nyere."
    assert texts[world["hidden_comment"].pk] == REMOVED_TEXT
    assert texts[world["hidden_reply"].pk] != REMOVED_TEXT
    # The comment rows stay: the record of a discussion in approved minutes is kept.
    assert Comment.objects.filter(pk=due["old_comment"].pk).exists()
    assert [e.object_repr for e in AccessLog.objects.all()] == [
        f"møde #{settings.PORTAL_RETENTION_ACCESS_LOG_MONTHS * 30 - 20}"
    ]
    assert list(Session.objects.values_list("pk", flat=True)) == [due["live_session"]]
    for key, pseudonymised in [("former", True), ("lately", False), ("staff", False)]:
        due[key].refresh_from_db()
        assert due[key].full_name.startswith("Tidligere") is pseudonymised, key
    record = PrivacyAction.objects.get()
    assert record.actor is None and "Slettefrist" in record.reason


def test_it_is_idempotent(world, due):
    apply_retention()
    state = _state()
    assert set(apply_retention().values()) == {0}
    assert _state() == state


def test_dry_run_prints_per_kind_and_changes_nothing(world, due):
    state = _state()
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert _state() == state
    lines = out.getvalue().splitlines()
    for kind in [
        "councils.comments",
        "councils.hidden_comments",
        "audit.access_log",
        "accounts.sessions",
        "privacy.former_members",
    ]:
        assert f"{kind}: would change 1 " in "\n".join(lines), kind


def test_the_command_applies_them(world, due):
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "councils.comments: changed 1" in out.getvalue()
    assert Comment.objects.get(pk=due["old_comment"].pk).text == REMOVED_TEXT


def test_the_nightly_job_is_scheduled_and_runs(world, due, caplog):
    schedule = settings.CELERY_BEAT_SCHEDULE["apply-retention"]
    assert schedule["task"] == "privacy.apply_retention"
    with caplog.at_level("INFO", logger="privacy.retention"):
        counts = apply_retention_task.delay().get()
    assert counts["councils.comments"] == 1
    # It logs counts, never content.
    assert "Gammel." not in caplog.text and "Frida" not in caplog.text
    assert "councils.comments" in caplog.text
