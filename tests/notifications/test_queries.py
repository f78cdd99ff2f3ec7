"""The digest job's queries per batch of users do not grow with the data, and neither do the
builder's per digest e-mail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications import services
from notifications.mail import build_digest
from notifications.models import Digest
from outbox.models import Message
from tests.councils.factories import AgendaItemFactory, CommentFactory
from tests.notifications.helpers import make_council

pytestmark = pytest.mark.django_db


def _news(councils, per_council):
    for council in councils:
        for n in range(per_council):
            item = AgendaItemFactory(meeting=council.meeting, number=n + 2)
            CommentFactory(item=item, author=council.alice)
            CommentFactory(item=item, author=council.bob)
            CommentFactory(item=item, author=council.carol)


def _batch_queries(councils):
    user_ids = services.pending_digest_users()
    with CaptureQueriesContext(connection) as ctx:
        services.digest_batch(user_ids, day=timezone.localdate(), now=timezone.now())
    return len(ctx.captured_queries), len(user_ids)


def _builder_queries():
    counts = []
    for message in Message.objects.filter(kind="notifications.digest"):
        with CaptureQueriesContext(connection) as ctx:
            assert build_digest(message) is not None
        counts.append(len(ctx.captured_queries))
    return counts


def test_queries_per_batch_and_per_digest_do_not_grow(django_capture_on_commit_callbacks):
    small = [make_council(f"Lille råd {n}") for n in range(2)]
    _news(small, 1)
    small_count, small_users = _batch_queries(small)
    small_builder = _builder_queries()
    Digest.objects.all().delete()
    Message.objects.all().delete()

    large = [make_council(f"Stort råd {n}") for n in range(6)]
    _news(large, 10)
    large_count, large_users = _batch_queries(large)
    large_builder = _builder_queries()
    assert large_users > small_users
    assert large_count == small_count, (small_count, large_count)
    assert max(large_builder) == max(small_builder) == min(large_builder)
