"""Query counts do not grow with the data (acceptance 4)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.models import AgendaItem, Comment, ItemKind, SeatType
from tests.accounts.factories import UserFactory
from tests.councils.factories import (
    AttachmentFactory,
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
    ResponseFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def _meeting_with(items, comments, *, public=False):
    council = CouncilFactory(meetings_public=public)
    authors = [MembershipFactory(council=council).user for _ in range(3)]
    reader = authors[0]
    meeting = MeetingFactory(council=council)
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=n + 1, title=f"Punkt {n}", kind=ItemKind.HEARING)
        for n in range(items)
    )
    for n, item in enumerate(meeting.items.all()):
        AttachmentFactory(item=item)
        if n % 2 == 0:
            ResponseFactory(statement=StatementFactory(item=item))
        tops = Comment.objects.bulk_create(
            Comment(item=item, author=authors[i % 3], text=f"Kommentar {i}")
            for i in range(comments // 2)
        )
        Comment.objects.bulk_create(
            Comment(item=item, author=authors[i % 3], text=f"Svar {i}", parent=tops[i % len(tops)])
            for i in range(comments - len(tops))
        )
    Comment.objects.filter(pk=Comment.objects.order_by("pk").first().pk).update(
        hidden_reason="Skjult", hidden_at=meeting.starts_at, hidden_by=reader
    )
    return meeting, reader


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("role", ["member", "secretary", "anonymous"])
def test_meeting_page_queries_do_not_grow(client, role):
    counts = []
    for items, comments in [(3, 2), (30, 20)]:
        meeting, reader = _meeting_with(items, comments, public=role == "anonymous")
        client.logout()
        if role == "member":
            client.force_login(reader)
        elif role == "secretary":
            secretary = UserFactory()
            MembershipFactory(council=meeting.council, user=secretary, seat_type=SeatType.SECRETARY)
            client.force_login(secretary)
        count, response = _count(client, meeting.get_absolute_url())
        if role != "anonymous":
            assert response.content.decode().count('class="comment ') == items * comments
        counts.append(count)
    assert counts[0] == counts[1], counts


def test_council_pages_queries_do_not_grow(client):
    counts = []
    for size in (2, 25):
        council = CouncilFactory(meetings_public=True)
        for _ in range(size):
            MembershipFactory(council=council, listed_publicly=True)
            meeting = MeetingFactory(council=council)
            item = AgendaItem.objects.create(
                meeting=meeting, number=1, title="Høring", kind=ItemKind.HEARING
            )
            ResponseFactory(statement=StatementFactory(item=item))
        count, _ = _count(client, reverse("councils:detail", args=[council.pk]))
        list_count, _ = _count(client, reverse("councils:list"))
        counts.append((count, list_count))
    assert counts[0] == counts[1], counts
