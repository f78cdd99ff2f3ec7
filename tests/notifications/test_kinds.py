"""Each kind × each choice: at once (an e-mail now), daily digest (a notice that waits), off
(nothing). Every e-mail goes through the outbox."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from councils import services as councils
from councils.models import ItemKind, Meeting, MeetingStatus
from councils.signals import meeting_changed
from notifications import services
from notifications.kinds import DEFAULTS, Frequency, Kind
from notifications.models import Channel, Notice
from outbox.models import Message
from tests.councils.factories import (
    AgendaItemFactory,
    CommentFactory,
    ResponseFactory,
    StatementFactory,
)
from tests.notifications.helpers import choose, sent_to

pytestmark = pytest.mark.django_db


def _agenda(small):
    small.meeting.status = MeetingStatus.PLANNED
    small.meeting.save()
    councils.publish_agenda(meeting=small.meeting)
    return small.alice


def _deadline(small):
    day = timezone.localdate() + timedelta(days=2)
    deadline = timezone.make_aware(datetime.combine(day, time(12)))
    small.meeting.comment_deadline = deadline
    small.meeting.starts_at = deadline + timedelta(days=1)
    small.meeting.save()
    CommentFactory(item=small.item, author=small.bob)  # Bo has commented: no reminder for him
    services.deadline_reminders()
    assert not Notice.objects.filter(user=small.bob, kind=Kind.COMMENT_DEADLINE).exists()
    return small.alice


def _comment(small):
    CommentFactory(item=small.item, author=small.alice, text="Min første kommentar.")
    CommentFactory(item=small.item, author=small.bob, text="Enig med Alice.")
    # Carla has not commented on the item: she hears nothing of it.
    assert not Notice.objects.filter(user=small.carol).exists()
    return small.alice


def _response(small):
    item = AgendaItemFactory(meeting=small.meeting, kind=ItemKind.HEARING, number=2)
    ResponseFactory(statement=StatementFactory(item=item))
    return small.alice


def _minutes(small):
    small.meeting.status = MeetingStatus.HELD
    small.meeting.save()
    councils.save_minutes(meeting=small.meeting, minutes="Referat.", approve=True)
    return small.alice


def _moved(small):
    small.meeting.location = "Biblioteket, sal 2"
    small.meeting.save()
    meeting_changed.send(sender=Meeting, meeting=small.meeting, change="moved")
    return small.alice


TRIGGERS = {
    Kind.AGENDA_PUBLISHED: _agenda,
    Kind.COMMENT_DEADLINE: _deadline,
    Kind.NEW_COMMENTS: _comment,
    Kind.RESPONSE: _response,
    Kind.MINUTES_APPROVED: _minutes,
    Kind.MEETING_CHANGED: _moved,
}


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("frequency", list(Frequency))
def test_each_kind_follows_the_members_choice(
    small, kind, frequency, django_capture_on_commit_callbacks
):
    choose(small.alice, kind, frequency)
    with django_capture_on_commit_callbacks(execute=True):
        recipient = TRIGGERS[kind](small)
    notices = Notice.objects.filter(user=recipient, kind=kind)
    mails = sent_to(recipient.email)
    if frequency == Frequency.OFF:
        assert not notices.exists()
        assert not mails
    elif frequency == Frequency.DIGEST:
        assert [n.channel for n in notices] == [Channel.DIGEST]
        assert not mails
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_digests() >= 1
        (digest,) = sent_to(recipient.email)
        assert "Ordinært møde" in digest.body
    else:
        assert len(mails) == 1
        if kind != Kind.AGENDA_PUBLISHED:  # councils' own agenda e-mail, as before
            assert [n.channel for n in notices] == [Channel.IMMEDIATELY]
            assert mails[0].extra_headers["List-Unsubscribe-Post"] == ("List-Unsubscribe=One-Click")
        assert Message.objects.filter(recipient=recipient.email).count() == 1


def test_the_defaults_are_as_documented():
    assert DEFAULTS == {
        Kind.AGENDA_PUBLISHED: Frequency.IMMEDIATELY,
        Kind.COMMENT_DEADLINE: Frequency.IMMEDIATELY,
        Kind.NEW_COMMENTS: Frequency.DIGEST,
        Kind.RESPONSE: Frequency.DIGEST,
        Kind.MINUTES_APPROVED: Frequency.DIGEST,
        Kind.MEETING_CHANGED: Frequency.IMMEDIATELY,
    }


def test_an_event_recorded_twice_is_told_once(small, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _moved(small)
        meeting_changed.send(sender=Meeting, meeting=small.meeting, change="moved")
    assert len(sent_to(small.alice.email)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.deadline_reminders()
        services.deadline_reminders()
    assert Notice.objects.filter(kind=Kind.COMMENT_DEADLINE).count() <= 3


def test_a_moved_meeting_carries_the_updated_calendar_file(
    small, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _moved(small)
    (message,) = sent_to(small.alice.email)
    (name, body, mimetype) = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    text = body.decode() if isinstance(body, bytes) else body
    assert "Biblioteket" in text and "STATUS:CONFIRMED" in text


def test_a_cancelled_meeting_sends_a_cancelling_calendar_file(
    small, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        councils.cancel_meeting(meeting=small.meeting)
    (message,) = sent_to(small.bob.email)
    assert "aflyst" in message.body
    body = message.attachments[0][1]
    text = body.decode() if isinstance(body, bytes) else body
    assert "STATUS:CANCELLED" in text and "METHOD:CANCEL" in text
    assert "SEQUENCE:1" in text


def test_a_digest_user_is_not_counted_twice_on_republish(small):
    choose(small.alice, Kind.AGENDA_PUBLISHED, Frequency.DIGEST)
    small.meeting.status = MeetingStatus.PLANNED
    small.meeting.save()
    councils.publish_agenda(meeting=small.meeting)
    councils.publish_agenda(meeting=small.meeting)
    assert Notice.objects.filter(user=small.alice).count() == 1
    assert not Message.objects.filter(recipient=small.alice.email).exists()
    # The others still get councils' agenda e-mail.
    assert Message.objects.filter(recipient=small.bob.email).count() == 1


def test_nothing_for_a_hidden_comment_or_a_former_member(small, django_capture_on_commit_callbacks):
    choose(small.alice, Kind.NEW_COMMENTS, Frequency.IMMEDIATELY)
    CommentFactory(item=small.item, author=small.alice)
    comment = CommentFactory(item=small.item, author=small.bob)
    comment.hidden_at = timezone.now()
    comment.save()
    with django_capture_on_commit_callbacks(execute=True):
        pass
    mail.outbox.clear()
    # Sent after the comment was hidden: the builder finds nothing to tell.
    from outbox.services import send_due

    send_due()
    assert not sent_to(small.alice.email)


def test_the_email_is_in_the_members_language(small, django_capture_on_commit_callbacks):
    choose(small.alice, Kind.MEETING_CHANGED, Frequency.IMMEDIATELY, language="en")
    choose(small.bob, Kind.MEETING_CHANGED, Frequency.IMMEDIATELY, language="nb")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_changed.send(sender=Meeting, meeting=small.meeting, change="cancelled")
    (english,) = sent_to(small.alice.email)
    (norwegian,) = sent_to(small.bob.email)
    (danish,) = sent_to(small.carol.email)
    assert "Dear Alice Andersen" in english.body
    assert "Kjære Bo Berg" in norwegian.body
    assert "Kære Carla Clausen" in danish.body


def test_the_secretarys_delivery_line_counts_members_who_chose_the_digest_or_off(small):
    """The secretary's "sent to X of Y" must not read as if digest or off members were lost."""
    from councils.delivery import agenda_delivery

    choose(small.alice, Kind.AGENDA_PUBLISHED, Frequency.DIGEST)
    choose(small.bob, Kind.AGENDA_PUBLISHED, Frequency.OFF)
    small.meeting.status = MeetingStatus.PLANNED
    small.meeting.save()
    councils.publish_agenda(meeting=small.meeting)
    delivery = agenda_delivery(small.meeting)
    assert (delivery.members, len(delivery.pending), delivery.not_at_once) == (3, 1, 2)
