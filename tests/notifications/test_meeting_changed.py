"""The meeting edit path sends ``councils.signals.meeting_changed`` after commit when the
time or place changes — and only then; the members hear of it as each has chosen."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import SeatType
from councils.signals import meeting_changed
from notifications.models import Notice
from tests.councils.factories import MembershipFactory
from tests.notifications.helpers import sent_to

pytestmark = pytest.mark.django_db


def _data(meeting, **changes):
    local = timezone.localtime(meeting.starts_at)
    data = {
        "title": meeting.title,
        "starts_at": local.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": "",
        "location": meeting.location,
        "comment_deadline": timezone.localtime(meeting.comment_deadline).strftime("%Y-%m-%dT%H:%M"),
    }
    data.update(changes)
    return data


@pytest.fixture
def edit(client, small, django_capture_on_commit_callbacks):
    secretary = small.carol
    MembershipFactory(council=small.council, user=secretary, seat_type=SeatType.SECRETARY)
    client.force_login(secretary)
    received = []

    def listener(sender, meeting, change, **kwargs):
        received.append((meeting.pk, change))

    meeting_changed.connect(listener)

    def _edit(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("councils:meeting_edit", args=[small.meeting.pk]),
                _data(small.meeting, **changes),
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        small.meeting.refresh_from_db()
        return received

    yield _edit
    meeting_changed.disconnect(listener)


def test_a_new_place_is_sent_as_moved(edit, small):
    assert edit(location="Biblioteket, sal 2") == [(small.meeting.pk, "moved")]
    (message,) = sent_to(small.alice.email)
    assert "Biblioteket, sal 2" in message.body
    assert Notice.objects.filter(kind="meeting_changed", detail="moved").count() == 3


def test_a_new_time_is_sent_as_moved(edit, small):
    later = timezone.localtime(small.meeting.starts_at + timedelta(hours=2))
    assert edit(starts_at=later.strftime("%Y-%m-%dT%H:%M")) == [(small.meeting.pk, "moved")]


def test_a_new_title_is_no_move(edit, small):
    assert edit(title="Nyt navn") == []
    assert not sent_to(small.alice.email)
