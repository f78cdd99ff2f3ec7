"""The daily digest: one e-mail per user and day with everything new, grouped by council and
meeting; nothing when nothing is new; idempotent under reruns and a crash mid-run."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError
from django.utils import timezone

from notifications import services
from notifications.kinds import Frequency, Kind
from notifications.mail import DIGEST_MAIL
from notifications.models import Digest, Notice, NotificationProfile
from outbox.models import Message, Status
from outbox.services import send_due
from tests.councils.factories import AgendaItemFactory, CommentFactory, MeetingFactory
from tests.notifications.helpers import choose, make_council, sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """One run of the job, with the outbox sending after its commits (as in production)."""

    def _run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.send_digests(**kwargs)

    return _run


def _comment_thread(council, item):
    CommentFactory(item=item, author=council.alice, text="Alice skriver.")
    CommentFactory(item=item, author=council.bob, text="Bo svarer.")


def test_grouped_by_council_and_meeting(small, run):
    other = make_council("Pårørenderådet for Bostedet")
    # Alice sits in both councils.
    from councils.models import SeatType
    from tests.councils.factories import MembershipFactory

    MembershipFactory(council=other.council, user=small.alice, seat_type=SeatType.RELATIVE)
    later = MeetingFactory(
        council=small.council,
        title="Ekstraordinært møde",
        starts_at=small.meeting.starts_at + timedelta(days=7),
    )
    later_item = AgendaItemFactory(meeting=later, number=1, title="Nyt værested")
    _comment_thread(small, small.item)
    _comment_thread(small, later_item)
    CommentFactory(item=other.item, author=small.alice, text="Også her.")
    CommentFactory(item=other.item, author=other.bob, text="Tak.")
    assert run() >= 1
    (message,) = sent_to(small.alice.email)
    body = message.body
    # Councils in name order, meetings in date order, each line under its meeting.
    assert body.index("Brugerrådet for Værestedet") < body.index("Ordinært møde")
    assert body.index("Ordinært møde") < body.index("Ekstraordinært møde")
    assert body.index("Ekstraordinært møde") < body.index("Pårørenderådet for Bostedet")
    assert "Ny kommentar fra Bo Berg til punkt 1. Budget for næste år" in body
    assert "Ny kommentar fra Bo Berg til punkt 1. Nyt værested" in body
    html = message.alternatives[0][0]
    assert "<h2>Brugerrådet for Værestedet</h2>" in html
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/notifikationer/afmeld/"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Digest.objects.filter(user=small.alice).count() == 1


def test_nothing_new_sends_nothing(small, run):
    assert run() == 0
    assert not mail.outbox
    assert not Digest.objects.exists()


def test_run_twice_sends_one_digest_a_day_and_nothing_is_lost(small, run):
    _comment_thread(small, small.item)
    assert run() == 1
    assert run() == 0
    assert len(sent_to(small.alice.email)) == 1
    # News after today's digest waits for tomorrow's: at most one a day, no gap.
    CommentFactory(item=small.item, author=small.carol, text="Carla kommer til.")
    assert run() == 1  # Bo's first digest today; Alice had hers
    assert len(sent_to(small.alice.email)) == 1
    tomorrow = timezone.now() + timedelta(days=1)
    assert run(now=tomorrow) >= 1
    second = sent_to(small.alice.email)[-1]
    assert "Carla Clausen" in second.body and "Bo Berg" not in second.body
    profile = NotificationProfile.objects.get(user=small.alice)
    assert profile.digest_sent_up_to == tomorrow
    first, latest = Digest.objects.filter(user=small.alice).order_by("day")
    assert latest.since == first.up_to


def test_a_crash_mid_run_then_a_rerun_sends_each_user_once(run):
    councils = [make_council(f"Råd {n}") for n in range(3)]
    for council in councils:
        _comment_thread(council, council.item)
    real = services.digest_batch
    calls = []

    def crash_on_second_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise DatabaseError("the worker was killed")
        return real(*args, **kwargs)

    with (
        mock.patch.object(services, "digest_batch", crash_on_second_batch),
        pytest.raises(DatabaseError),
    ):
        run(batch_size=1)
    assert Digest.objects.count() == 1  # the first batch committed, the second rolled back
    assert run(batch_size=1) == 2
    assert run(batch_size=1) == 0
    for council in councils:
        assert len(sent_to(council.alice.email)) == 1
    assert Digest.objects.count() == 3
    assert not Notice.objects.filter(channel="digest", digest__isnull=True).exists()


def test_a_crash_between_sending_and_recording_sends_once_more(small, run):
    """At least once: the outbox sends, then the database fails before the row is marked
    sent; the row is still pending and the digest goes out again. Documented, not hidden."""
    _comment_thread(small, small.item)
    with mock.patch("outbox.services.trigger_send"):
        run()
    message = Message.objects.get(kind=DIGEST_MAIL)
    real_save = Message.save

    def fail_once(self, *args, **kwargs):
        if self.pk == message.pk and self.status == Status.SENT:
            raise DatabaseError("the connection dropped")
        return real_save(self, *args, **kwargs)

    with mock.patch.object(Message, "save", fail_once), pytest.raises(DatabaseError):
        send_due()
    assert len(sent_to(small.alice.email)) == 1
    message.refresh_from_db()
    assert message.status == Status.PENDING
    send_due()
    assert len(sent_to(small.alice.email)) == 2  # the one extra copy; never a lost digest
    assert Digest.objects.count() == 1


def test_a_kind_switched_off_is_left_out_and_empty_digest_is_not_sent(small, run):
    _comment_thread(small, small.item)
    with mock.patch("outbox.services.trigger_send"):
        run()
    choose(small.alice, Kind.NEW_COMMENTS, Frequency.OFF)
    send_due()
    assert not sent_to(small.alice.email)
    assert Message.objects.get(kind=DIGEST_MAIL).status == Status.SKIPPED


def test_the_digest_is_in_the_users_language(small, run):
    choose(small.alice, Kind.NEW_COMMENTS, Frequency.DIGEST, language="nb")
    _comment_thread(small, small.item)
    run()
    (message,) = sent_to(small.alice.email)
    assert "Kjære Alice Andersen" in message.body
    assert Message.objects.get(kind=DIGEST_MAIL).language == "nb"


def test_an_inactive_user_gets_no_digest(small, run):
    _comment_thread(small, small.item)
    small.alice.is_active = False
    small.alice.save()
    assert run() == 0
    assert not Notice.objects.filter(user=small.alice, digest__isnull=True).exists()


def test_many_comments_on_one_item_make_one_line(small, run):
    CommentFactory(item=small.item, author=small.alice, text="Alice skriver.")
    CommentFactory(item=small.item, author=small.bob, text="Bo svarer.")
    CommentFactory(item=small.item, author=small.carol, text="Carla svarer.")
    CommentFactory(item=small.item, author=small.bob, text="Bo igen.")
    run()
    (message,) = sent_to(small.alice.email)
    assert (
        "3 nye kommentarer til punkt 1. Budget for næste år (fra Bo Berg, Carla Clausen)"
        in message.body
    )
    assert message.body.count("Budget for næste år") == 1
