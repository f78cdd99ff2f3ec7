"""Point 4: a member's "no" invites the seat's substitutes; the first "yes" takes the seat and
the others are told; the member's "yes" again withdraws the invitations."""

import pytest
from django.core import mail
from django.urls import reverse

from outbox import services as outbox
from outbox.models import Message, Status
from participation import services
from participation.models import Answer, AttendanceAnswer, InvitationState, SubstituteInvitation

pytestmark = pytest.mark.django_db

NOTICE = "participation.substitute"


def _answer(board, membership, answer, by=None):
    return services.give_answer(
        meeting=board.meeting, membership=membership, answer=answer, by=by or membership.user
    )


def _states(board):
    return {
        inv.substitute_id: inv.state
        for inv in SubstituteInvitation.objects.filter(meeting=board.meeting)
    }


def _notices(board):
    return sorted((m.recipient, m.payload["state"]) for m in Message.objects.filter(kind=NOTICE))


def _mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_a_no_invites_every_substitute_of_the_seat(client, board):
    _answer(board, board.seat, Answer.NO)
    assert _states(board) == {
        board.sub1.pk: InvitationState.OPEN,
        board.sub2.pk: InvitationState.OPEN,
    }
    assert _notices(board) == sorted(
        [(board.sub1.user.email, "open"), (board.sub2.user.email, "open")]
    )
    outbox.send_due()
    (invite,) = _mails_to(board.sub1.user)
    assert "Ulla Bruger kan ikke komme til mødet" in invite.body
    assert board.meeting.get_absolute_url() in invite.body
    # The substitute now has the attendance question on the meeting page.
    client.force_login(board.sub1.user)
    page = client.get(board.meeting.get_absolute_url()).content.decode()
    assert "Du er inviteret som suppleant for Ulla Bruger" in page
    assert "Kommer du til mødet?" in page


def test_substitutes_have_no_question_without_an_invitation(client, board):
    client.force_login(board.sub1.user)
    page = client.get(board.meeting.get_absolute_url()).content.decode()
    assert 'id="deltagelse"' not in page
    url = reverse("participation:answer", args=[board.meeting.pk])
    assert client.post(url, {"answer": "yes"}).status_code == 403


def test_unsure_invites_nobody(board):
    _answer(board, board.seat, Answer.UNSURE)
    assert not SubstituteInvitation.objects.exists()


def test_the_first_yes_takes_the_seat_and_the_others_are_told(client, board):
    _answer(board, board.seat, Answer.NO)
    outbox.send_due()
    client.force_login(board.sub2.user)
    url = reverse("participation:answer", args=[board.meeting.pk])
    assert client.post(url, {"answer": "yes"}).status_code == 302
    assert _states(board) == {
        board.sub1.pk: InvitationState.FILLED,
        board.sub2.pk: InvitationState.ACCEPTED,
    }
    outbox.send_due()
    told = _mails_to(board.sub1.user)[-1]
    assert "En anden suppleant har svaret først" in told.body
    # The second substitute's question is gone: a late "yes" is refused.
    client.force_login(board.sub1.user)
    assert client.post(url, {"answer": "yes"}).status_code == 403
    with pytest.raises(services.InvitationGone):
        _answer(board, board.sub1, Answer.YES)
    assert not AttendanceAnswer.objects.filter(membership=board.sub1).exists()


def test_the_member_coming_after_all_withdraws_the_invitations(board):
    _answer(board, board.seat, Answer.NO)
    outbox.send_due()
    _answer(board, board.sub1, Answer.YES)
    outbox.send_due()
    mail.outbox.clear()
    _answer(board, board.seat, Answer.YES)
    assert set(_states(board).values()) == {InvitationState.WITHDRAWN}
    outbox.send_due()
    (withdrawn,) = _mails_to(board.sub1.user)
    assert "invitationen er trukket tilbage" in withdrawn.body
    # The other substitute was told the seat was taken already: no second message.
    assert not _mails_to(board.sub2.user)


def test_a_withdrawn_invitation_is_never_told_if_the_invitation_was_not(board):
    _answer(board, board.seat, Answer.NO)
    _answer(board, board.seat, Answer.YES)  # before the outbox sent anything
    outbox.send_due()
    assert not mail.outbox
    assert set(Message.objects.filter(kind=NOTICE).values_list("status", flat=True)) == {
        Status.SKIPPED
    }


def test_the_seat_opens_again_when_the_substitute_cannot_come_after_all(board):
    _answer(board, board.seat, Answer.NO)
    _answer(board, board.sub1, Answer.YES)
    outbox.send_due()
    mail.outbox.clear()
    _answer(board, board.sub1, Answer.NO)
    assert _states(board) == {
        board.sub1.pk: InvitationState.OPEN,
        board.sub2.pk: InvitationState.OPEN,
    }
    outbox.send_due()
    (again,) = _mails_to(board.sub2.user)
    assert "Du er suppleant og er inviteret i stedet" in again.body
    _answer(board, board.sub2, Answer.YES)
    assert _states(board)[board.sub2.pk] == InvitationState.ACCEPTED


def test_a_second_no_after_a_withdrawal_invites_again_with_a_fresh_question(board):
    _answer(board, board.seat, Answer.NO)
    _answer(board, board.sub1, Answer.YES)
    _answer(board, board.seat, Answer.YES)
    _answer(board, board.seat, Answer.NO)
    assert set(_states(board).values()) == {InvitationState.OPEN}
    assert not AttendanceAnswer.objects.filter(membership=board.sub1).exists()


def test_the_secretary_answers_for_a_substitute(client, board):
    _answer(board, board.seat, Answer.NO, by=board.secretary)
    client.force_login(board.secretary)
    url = reverse("participation:overview", args=[board.meeting.pk])
    page = client.get(url).content.decode()
    assert "Søren Suppleant" in page and "Inviteret" in page
    client.post(url, {"membership": board.sub1.pk, "answer": "yes"})
    assert _states(board)[board.sub1.pk] == InvitationState.ACCEPTED
    assert AttendanceAnswer.objects.get(membership=board.sub1).answered_by == board.secretary


def test_a_former_substitute_is_not_invited(board):
    from datetime import timedelta

    from django.utils import timezone

    board.sub2.end = timezone.localdate() - timedelta(days=1)
    board.sub2.save()
    _answer(board, board.seat, Answer.NO)
    assert _states(board) == {board.sub1.pk: InvitationState.OPEN}


@pytest.mark.django_db(transaction=True)
def test_two_substitutes_at_once_only_one_takes_the_seat(board):
    """PostgreSQL: the seat's row lock makes the second "yes" wait and then find the seat taken."""
    import threading
    import time

    from django.db import connection, connections, transaction

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    _answer(board, board.seat, Answer.NO)
    first_done, release, results = threading.Event(), threading.Event(), {}

    def first():
        with transaction.atomic():
            _answer(board, board.sub2, Answer.YES)
            first_done.set()
            release.wait(30)
        connections.close_all()

    def second():
        first_done.wait(30)
        try:
            _answer(board, board.sub1, Answer.YES)
            results["second"] = "took the seat"
        except services.InvitationGone:
            results["second"] = "refused"
        connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_done.wait(30)
    time.sleep(1)  # the second answer is now waiting for the seat's lock
    release.set()
    for thread in threads:
        thread.join(30)
    assert results == {"second": "refused"}
    assert _states(board) == {
        board.sub1.pk: InvitationState.FILLED,
        board.sub2.pk: InvitationState.ACCEPTED,
    }
