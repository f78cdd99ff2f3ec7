"""Reads: whose seat a user answers for, who is expected at a meeting, who gets a reminder."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from core.rows import Columns, connection_for_read
from councils.models import USER_SIDE_SEATS, Membership, SeatType, active_seats
from councils.roles import member_council_ids
from councils.selectors import active_memberships, composition, is_symbolic
from participation.models import (
    Answer,
    AttendanceAnswer,
    InvitationState,
    SubstituteInvitation,
    SupportRequest,
)

LIVE_STATES = (InvitationState.OPEN, InvitationState.ACCEPTED)


@dataclass(frozen=True)
class AnsweringSeat:
    """The membership a user answers with; ``invitation`` when standing in as a substitute."""

    membership: Membership
    invitation: SubstituteInvitation | None = None

    @property
    def is_substitute(self) -> bool:
        return self.invitation is not None


def answering_seat(user, meeting) -> AnsweringSeat | None:
    """A regular seat in the meeting's council today, else a live substitute invitation.

    Read once per user and meeting object (the permission and the panel both ask)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if meeting.council_id not in member_council_ids(user):
        return None  # no query for everyone without a seat there
    cache = meeting.__dict__.setdefault("_participation_seats", {})
    if user.pk not in cache:
        cache[user.pk] = _find_seat(user, meeting)
    return cache[user.pk]


def _find_seat(user, meeting):
    # The user's seats today, already read for this request's rights (no query).
    regular = [
        membership
        for membership in active_seats(user)
        if membership.council_id == meeting.council_id and not membership.is_substitute
    ]
    if regular:
        # A member who also holds the secretary's seat answers for the other seat.
        regular.sort(key=lambda m: m.seat_type == SeatType.SECRETARY)
        return AnsweringSeat(regular[0])
    invitation = (
        SubstituteInvitation.objects.filter(
            meeting=meeting, substitute__user=user, state__in=LIVE_STATES
        )
        .select_related("substitute__user", "seat__user")
        .first()
    )
    if invitation is None or not invitation.substitute.is_active():
        return None
    return AnsweringSeat(invitation.substitute, invitation)


def answer_and_support(meeting, membership):
    """The seat's attendance answer and support request for ``meeting`` (each unique per
    meeting and seat, so each ``filter(meeting=…, membership=…).first()``), or None.

    One statement for both, on every member's view of a meeting: two outer joins on a
    one-row table. The seat is attached, so ``entered_by_someone_else`` asks nothing more.
    """
    connection = connection_for_read(AttendanceAnswer)
    quote = connection.ops.quote_name
    answers = Columns(AttendanceAnswer, connection, "a")
    supports = Columns(SupportRequest, connection, "s")

    def join(model, alias):
        meta = model._meta
        return (
            f"LEFT OUTER JOIN {quote(meta.db_table)} {quote(alias)} "
            f"ON {quote(alias)}.{quote(meta.get_field('meeting').column)} = %s "
            f"AND {quote(alias)}.{quote(meta.get_field('membership').column)} = %s"
        )

    with connection.cursor() as cursor:
        cursor.execute(
            # Table and column names from the models, quoted; every value a parameter.
            f"SELECT {answers.sql}, {supports.sql} FROM (SELECT 1 AS {quote('one')}) "  # noqa: S608
            f"{quote('one')} {join(AttendanceAnswer, 'a')} {join(SupportRequest, 's')}",
            [meeting.pk, membership.pk, meeting.pk, membership.pk],
        )
        row = cursor.fetchone()
    answer = answers.instance(row[: len(answers)])
    support = supports.instance(row[len(answers) :])
    for found in (answer, support):
        if found is not None:
            found.membership = membership
    return answer, support


@dataclass
class SeatTypeRow:
    seat_type: str
    label: str
    seats: int
    votes: bool
    yes: int = 0
    no: int = 0
    unsure: int = 0
    unanswered: int = 0
    # Substitutes who took the seat of a member who said no.
    substitutes: int = 0
    # Seats whose member said no and whose substitutes are invited but none has said yes.
    substitutes_pending: int = 0

    @property
    def expected(self) -> int:
        return self.yes + self.substitutes

    @property
    def uncertain(self) -> int:
        return self.unsure + self.unanswered + self.substitutes_pending


@dataclass
class SeatLine:
    """One regular seat on the secretary's overview, with its answer and its substitutes."""

    membership: Membership
    answer: AttendanceAnswer | None
    invitations: list = field(default_factory=list)


@dataclass
class Outlook:
    rows: list[SeatTypeRow]
    lines: list[SeatLine]
    voting_seats: int
    quorum: int
    quorum_is_council_rule: bool

    def _voting(self, attr):
        return sum(getattr(row, attr) for row in self.rows if row.votes)

    @property
    def expected_voting(self) -> int:
        return self._voting("expected")

    @property
    def uncertain_voting(self) -> int:
        return self._voting("uncertain")

    @property
    def expected_user_side(self) -> int:
        return sum(
            row.expected for row in self.rows if row.votes and row.seat_type in USER_SIDE_SEATS
        )

    @property
    def expected_total(self) -> int:
        return sum(row.expected for row in self.rows)

    @property
    def has_quorum(self) -> bool:
        return self.voting_seats > 0 and self.expected_voting >= self.quorum

    @property
    def may_reach_quorum(self) -> bool:
        return self.expected_voting + self.uncertain_voting >= self.quorum

    @property
    def user_side_minority(self) -> bool:
        """The council page's warning (councils.selectors.is_symbolic), for those who come."""
        return is_symbolic(self.expected_voting, self.expected_user_side)


def default_quorum(voting_seats: int) -> int:
    """More than half of the voting seats."""
    return voting_seats // 2 + 1 if voting_seats else 0


def outlook(meeting) -> Outlook:
    """Expected attendance per seat type, the quorum and the user side's share: a fixed
    number of queries, whatever the council's size."""
    council = meeting.council
    memberships = active_memberships(council)
    seats = composition(council, memberships)
    answers = {
        a.membership_id: a
        for a in AttendanceAnswer.objects.filter(meeting=meeting).select_related("answered_by")
    }
    invitations = list(
        SubstituteInvitation.objects.filter(meeting=meeting)
        .select_related("substitute__user")
        .order_by("invited_at", "pk")
    )
    by_seat: dict[int, list] = {}
    for invitation in invitations:
        invitation.answer = answers.get(invitation.substitute_id)
        by_seat.setdefault(invitation.seat_id, []).append(invitation)
    rows, lines, voting_seats = [], [], 0
    for seat_row in seats.rows:
        row = SeatTypeRow(
            seat_type=seat_row.seat_type,
            label=str(seat_row.label),
            seats=max(seat_row.required, seat_row.filled),
            votes=seat_row.rights.vote,
        )
        for membership in seat_row.members:
            if membership.is_substitute:
                continue
            answer = answers.get(membership.pk)
            own = by_seat.get(membership.pk, [])
            lines.append(SeatLine(membership, answer, own))
            if answer is None:
                row.unanswered += 1
            elif answer.answer == Answer.YES:
                row.yes += 1
            elif answer.answer == Answer.UNSURE:
                row.unsure += 1
            else:
                row.no += 1
                states = {invitation.state for invitation in own}
                if InvitationState.ACCEPTED in states:
                    row.substitutes += 1
                elif InvitationState.OPEN in states:
                    row.substitutes_pending += 1
        if row.votes:
            voting_seats += row.seats
        rows.append(row)
    return Outlook(
        rows=rows,
        lines=lines,
        voting_seats=voting_seats,
        quorum=council.quorum or default_quorum(voting_seats),
        quorum_is_council_rule=council.quorum is not None,
    )


def expected_members(meeting):
    """The people a reminder goes to: regular seats that said yes or have not answered,
    and substitutes who took a seat. One user once, however many seats they hold."""
    answers = dict(
        AttendanceAnswer.objects.filter(meeting=meeting).values_list("membership_id", "answer")
    )
    user_ids = set()
    for membership_id, user_id in (
        Membership.objects.active()
        .regular()
        .filter(council_id=meeting.council_id)
        .values_list("pk", "user_id")
    ):
        if answers.get(membership_id, Answer.YES) == Answer.YES:
            user_ids.add(user_id)
    user_ids.update(
        SubstituteInvitation.objects.filter(
            meeting=meeting, state=InvitationState.ACCEPTED
        ).values_list("substitute__user_id", flat=True)
    )
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk")


def council_secretaries(council_id):
    user_ids = (
        Membership.objects.active()
        .filter(council_id=council_id, seat_type=SeatType.SECRETARY)
        .values_list("user_id", flat=True)
    )
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk")
