"""Point 4: a member answers, and may change the answer until the meeting begins; the
secretary records an answer given on the phone, and the history shows who entered it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import MeetingStatus
from participation import services
from participation.models import Answer, AttendanceAnswer

pytestmark = pytest.mark.django_db


def _answer_url(meeting):
    return reverse("participation:answer", args=[meeting.pk])


def test_the_meeting_page_asks_in_a_fieldset_with_a_legend(client, board):
    client.force_login(board.member)
    page = client.get(board.meeting.get_absolute_url()).content.decode()
    assert 'id="deltagelse"' in page
    assert "<fieldset" in page and "<legend" in page
    assert "Kommer du til mødet?" in page
    for label in ("Jeg kommer", "Jeg kommer ikke", "Ved ikke endnu"):
        assert label in page
    assert "Du har ikke svaret endnu." in page


def test_a_member_answers_and_changes_the_answer(client, board):
    client.force_login(board.member)
    response = client.post(_answer_url(board.meeting), {"answer": "yes"})
    assert response.status_code == 302
    assert response["Location"].endswith("#deltagelse")
    row = AttendanceAnswer.objects.get(meeting=board.meeting, membership=board.seat)
    assert (row.answer, row.answered_by) == (Answer.YES, board.member)

    client.post(_answer_url(board.meeting), {"answer": "unsure"})
    row.refresh_from_db()
    assert row.answer == Answer.UNSURE
    page = client.get(board.meeting.get_absolute_url()).content.decode()
    assert "Dit svar: Ved ikke endnu." in page
    assert row.history.count() == 2


def test_the_panel_leaves_the_support_request_alone(client, board):
    client.force_login(board.member)
    client.post(
        _answer_url(board.meeting),
        {"answer": "yes", "with_support": "1", "needs": ["transport"], "details": "Kørestol"},
    )
    client.post(_answer_url(board.meeting), {"answer": "unsure"})  # the panel: answer alone
    request = board.meeting.support_requests.get()
    assert request.transport and request.details == "Kørestol"


def test_no_answer_keeps_what_was_typed_and_says_why(client, board):
    client.force_login(board.member)
    response = client.post(
        _answer_url(board.meeting),
        {"with_support": "1", "needs": ["helper"], "details": "Min hjælper hedder Kim."},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vælg om du kommer til mødet." in page
    assert "Min hjælper hedder Kim." in page
    assert (
        'value="helper" checked' in page
        or 'checked value="helper"' in page
        or ('value="helper"' in page and "checked" in page)
    )
    assert not AttendanceAnswer.objects.exists()


def test_too_long_support_text_is_refused_in_danish(client, board):
    client.force_login(board.member)
    response = client.post(
        _answer_url(board.meeting), {"answer": "yes", "with_support": "1", "details": "x" * 1001}
    )
    assert response.status_code == 200
    assert "Beskrivelsen er for lang" in response.content.decode()
    assert not AttendanceAnswer.objects.exists()


def test_no_changes_once_the_meeting_has_begun(client, board):
    services.give_answer(
        meeting=board.meeting, membership=board.seat, answer=Answer.YES, by=board.member
    )
    board.meeting.starts_at = timezone.now() - timedelta(minutes=1)
    board.meeting.save()
    client.force_login(board.member)
    response = client.post(_answer_url(board.meeting), {"answer": "no"}, follow=True)
    assert "Mødet er begyndt, så svaret kan ikke længere ændres." in response.content.decode()
    assert AttendanceAnswer.objects.get().answer == Answer.YES
    with pytest.raises(services.AnswersClosed):
        services.give_answer(
            meeting=board.meeting, membership=board.seat, answer=Answer.NO, by=board.member
        )


def test_no_answers_to_a_cancelled_meeting(client, board):
    board.meeting.status = MeetingStatus.CANCELLED
    board.meeting.save()
    client.force_login(board.member)
    response = client.post(_answer_url(board.meeting), {"answer": "yes"}, follow=True)
    assert "Mødet er aflyst, så der skal ikke svares." in response.content.decode()
    assert not AttendanceAnswer.objects.exists()


def test_someone_without_a_seat_cannot_answer(client, board, world):
    client.force_login(world.users["administrator"])
    assert client.post(_answer_url(board.meeting), {"answer": "yes"}).status_code == 403
    client.force_login(world.users["outsider"])
    assert client.post(_answer_url(board.meeting), {"answer": "yes"}).status_code == 404
    assert not AttendanceAnswer.objects.exists()


def test_the_secretary_records_a_phone_answer_and_the_history_shows_it(client, board):
    services.give_answer(
        meeting=board.meeting, membership=board.seat, answer=Answer.YES, by=board.member
    )
    client.force_login(board.secretary)
    url = reverse("participation:overview", args=[board.meeting.pk])
    response = client.post(url, {"membership": board.seat.pk, "answer": "no"}, follow=True)
    page = response.content.decode()
    assert "Svaret for Ulla Bruger er gemt: Jeg kommer ikke." in page
    row = AttendanceAnswer.objects.get(membership=board.seat)
    assert (row.answer, row.answered_by) == (Answer.NO, board.secretary)
    assert row.entered_by_someone_else
    # The overview's history: both entries, each with who entered it.
    assert "af Sofie Sekretær" in page
    history = list(row.history.order_by("history_date"))
    assert [(h.answer, h.answered_by_id) for h in history] == [
        (Answer.YES, board.member.pk),
        (Answer.NO, board.secretary.pk),
    ]
    client.force_login(board.member)
    page = client.get(board.meeting.get_absolute_url()).content.decode()
    assert "Sekretæren har skrevet svaret ind for dig." in page


def test_the_secretary_must_pick_a_member_of_this_council(client, board, world):
    client.force_login(board.secretary)
    url = reverse("participation:overview", args=[board.meeting.pk])
    response = client.post(url, {"membership": world["membership"].pk, "answer": "yes"})
    assert response.status_code == 200
    assert "Vælg et medlem af rådet fra listen." in response.content.decode()
    assert not AttendanceAnswer.objects.exists()


def test_a_panel_post_without_an_answer_never_clears_the_support_request(client, board):
    client.force_login(board.member)
    url = _answer_url(board.meeting)
    client.post(url, {"answer": "yes", "with_support": "1", "needs": ["helper"]})
    response = client.post(url, {})  # the panel, sent without a choice
    assert response.status_code == 200
    assert 'name="with_support"' not in response.content.decode()
    client.post(url, {"answer": "no"})
    assert board.meeting.support_requests.get().helper
