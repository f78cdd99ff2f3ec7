"""Point 4: the secretary's view of who comes, per seat type, with the council's quorum rule
and the warning when users and relatives will be a minority of the voting members present."""

import pytest
from django.urls import reverse

from councils.models import SeatType
from participation import services
from participation.models import Answer
from participation.selectors import default_quorum, outlook
from tests.councils.factories import CouncilFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _answers(board, **answers):
    for name, answer in answers.items():
        membership = board.seats[name]
        services.give_answer(
            meeting=board.meeting, membership=membership, answer=answer, by=membership.user
        )


def _page(client, board):
    client.force_login(board.secretary)
    response = client.get(reverse("participation:overview", args=[board.meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_default_quorum_is_more_than_half_of_the_voting_seats():
    assert [default_quorum(n) for n in (0, 1, 2, 5, 6, 7)] == [0, 1, 2, 3, 4, 4]


def test_per_seat_type_counts_and_quorum(board):
    _answers(board, user1="no", user2="yes", staff1="yes", staff2="yes", politician="unsure")
    result = outlook(board.meeting)
    rows = {row.seat_type: row for row in result.rows}
    assert (rows[SeatType.USER].yes, rows[SeatType.USER].no) == (1, 1)
    assert rows[SeatType.RELATIVE].unanswered == 1
    assert rows[SeatType.POLITICIAN].unsure == 1
    assert not rows[SeatType.SECRETARY].votes
    # 2 user + 1 relative + 2 staff + 1 politician voting seats: more than half is 4.
    assert (result.voting_seats, result.quorum) == (6, 4)
    assert result.expected_voting == 3 and not result.has_quorum
    # The seat that said no has substitutes invited: they may still come.
    assert result.uncertain_voting == 3 and result.may_reach_quorum


def test_a_substitute_who_takes_the_seat_counts_for_it(board):
    _answers(board, user1="no", user2="yes", staff1="yes", staff2="yes")
    services.give_answer(
        meeting=board.meeting, membership=board.sub1, answer=Answer.YES, by=board.sub1.user
    )
    result = outlook(board.meeting)
    rows = {row.seat_type: row for row in result.rows}
    assert (rows[SeatType.USER].expected, rows[SeatType.USER].substitutes) == (2, 1)
    assert result.expected_voting == 4 and result.has_quorum


def test_the_council_rule_overrides_the_default(client, board):
    board.council.quorum = 5
    board.council.save()
    _answers(board, user1="yes", user2="yes", relative="yes", staff1="yes", politician="no")
    result = outlook(board.meeting)
    assert (result.quorum, result.expected_voting, result.has_quorum) == (5, 4, False)
    page = _page(client, board)
    assert "Rådet bliver ikke beslutningsdygtigt med dem, der har meldt, at de kommer." in page
    assert "Rådets regel: beslutningsdygtigt, når mindst 5 stemmeberettigede er til stede." in page
    assert "1 stemmeberettiget har ikke svaret endeligt, så det kan nås endnu." in page


def test_quorum_reached_is_said_in_words(client, board):
    _answers(board, user1="yes", user2="yes", relative="yes", staff1="yes")
    page = _page(client, board)
    assert "Rådet bliver beslutningsdygtigt." in page
    assert "4 af 6 stemmeberettigede har meldt, at de kommer, og der skal mindst 4 til." in page
    assert "Brugerne bliver i mindretal." not in page


def test_users_in_minority_of_those_coming_is_warned(client, board):
    # Composition is fine (3 user side of 6 voting is not enough either, but the council page
    # warns about that); here: of those coming, 1 user against 3 others.
    _answers(board, user1="yes", user2="no", relative="no", staff1="yes", staff2="yes")
    _answers(board, politician="yes")
    result = outlook(board.meeting)
    assert (result.expected_user_side, result.expected_voting) == (1, 4)
    assert result.user_side_minority
    page = _page(client, board)
    assert "Brugerne bliver i mindretal." in page
    assert "(1 af 4)" in page and "symbolsk brugerinddragelse" in page


def test_equal_halves_are_a_minority_as_on_the_council_page(board):
    _answers(board, user1="yes", relative="yes", staff1="yes", staff2="yes")
    assert outlook(board.meeting).user_side_minority


def test_a_user_side_majority_is_no_warning(board):
    _answers(board, user1="yes", user2="yes", relative="yes", staff1="yes")
    assert not outlook(board.meeting).user_side_minority


def test_a_council_without_seat_rules_counts_its_filled_seats():
    council = CouncilFactory()
    seats = [MembershipFactory(council=council, seat_type=SeatType.USER) for _ in range(3)]
    MembershipFactory(council=council, seat_type=SeatType.SECRETARY)
    meeting = MeetingFactory(council=council)
    services.give_answer(meeting=meeting, membership=seats[0], answer="yes", by=seats[0].user)
    services.give_answer(meeting=meeting, membership=seats[1], answer="yes", by=seats[1].user)
    result = outlook(meeting)
    assert (result.voting_seats, result.quorum, result.has_quorum) == (3, 2, True)


def test_the_overview_has_a_fixed_number_of_queries(client, board, django_assert_max_num_queries):
    _answers(board, user1="no", user2="yes")
    client.force_login(board.secretary)
    url = reverse("participation:overview", args=[board.meeting.pk])
    client.get(url)
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200
