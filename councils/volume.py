"""Councils with seats, members, meetings, agenda items, attendance, comments and advice."""

from datetime import timedelta

from councils import builders
from councils.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Comment,
    Council,
    CouncilKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Response,
    ResponseOutcome,
    SeatRule,
    SeatType,
    Statement,
)

SEATS = [
    (SeatType.USER, 4),
    (SeatType.RELATIVE, 2),
    (SeatType.STAFF, 2),
    (SeatType.POLITICIAN, 1),
    (SeatType.SECRETARY, 1),
    (SeatType.UNIT_LEADER, 1),
]
ITEM_TITLES = [
    "Godkendelse af dagsorden",
    "Orientering fra ledelsen",
    "Budget for det kommende år",
    "Høring om ny serviceinfo",
    "Husorden og fælles regler",
    "Aktiviteter og udflugter",
    "Brugertilfredshedsundersøgelse",
    "Madordning og måltider",
    "Personalenormering",
    "Nyt fra pårørenderådet",
    "Tilsynsrapport",
    "Evaluering af indsatser",
    "Eventuelt",
]
SENTENCES = [
    "Forvaltningen orienterer om status og de næste skridt.",
    "Rådet drøfter, hvordan brugerne kan inddrages tidligere i processen.",
    "Der er modtaget forslag fra flere beboere, som præsenteres på mødet.",
    "Sagen har tidligere været drøftet, og rådet bad om et revideret oplæg.",
    "Økonomien er presset, og der skal prioriteres mellem indsatserne.",
    "Et udkast er sendt i høring hos brugerne og deres pårørende.",
    "Ledelsen foreslår, at ordningen evalueres efter et halvt år.",
]
COMMENTS = [
    "Tak for oplægget. Jeg synes, vi skal høre beboerne, før vi beslutter noget.",
    "Kan vi få tallene fra sidste år med til mødet?",
    "Enig – det er vigtigt, at pårørende også bliver hørt.",
    "Jeg kan desværre ikke deltage, men støtter indstillingen.",
    "Hvordan passer det med den nye politik for brugerinddragelse?",
    "Godt forslag. Lad os tage det op igen efter sommerferien.",
    "Jeg er bekymret for, om der er personale nok til det.",
]
LOCATIONS = ["Mødelokale 1", "Kantinen", "Fælleshuset", "Rådhuset, lokale 2.14", "Online"]
ITEMS_PER_CHUNK = 1000


def _text(rng, sentences=3):
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def generate(ctx):
    rng = ctx.rng
    units, users = ctx.objects["units"], ctx.objects["users"]
    administrations = ctx.objects["administrations"]
    kinds = list(CouncilKind)

    count = ctx.count("councils")
    owners = rng.sample(units, min(count, len(units)))
    councils = []
    for number in range(count):
        # One council in ten belongs to a whole administration rather than a unit.
        unit = owners[number % len(owners)] if number % 10 else None
        kind = rng.choice(kinds)
        councils.append(
            builders.council(
                name=f"{kind.label} {number + 1} – {unit.name if unit else 'forvaltningen'} ({ctx.label})",
                kind=kind,
                unit=unit,
                administration=None if unit else administrations[number % len(administrations)],
                summary="Rådet giver brugerne og de pårørende indflydelse på hverdagen i tilbuddet.",
                mandate=_text(rng, 5),
                term_start=ctx.today - timedelta(days=900),
                term_end=ctx.today + timedelta(days=560),
                meetings_public=rng.random() < 0.5,
            )
        )
    councils = ctx.bulk(Council, councils, "councils")
    ctx.objects["councils"] = councils
    ctx.bulk(
        SeatRule,
        [
            builders.seat_rule(
                council=council,
                seat_type=seat_type,
                required_count=required,
                can_vote=seat_type not in (SeatType.SECRETARY, SeatType.UNIT_LEADER),
                must_attend=seat_type in (SeatType.SECRETARY, SeatType.UNIT_LEADER),
            )
            for council in councils
            for seat_type, required in SEATS
        ],
    )

    members = {}  # council id → [Membership]
    organisations = ctx.objects["organisations"]
    rows = []
    for council in councils:
        seats = [seat for seat, required in SEATS for _ in range(required)]
        people = rng.sample(users, min(len(seats), len(users)))
        for seat_type, user in zip(seats, people, strict=False):
            rows.append(
                builders.membership(
                    council=council,
                    user=user,
                    seat_type=seat_type,
                    organisation=rng.choice(organisations)
                    if seat_type in (SeatType.USER, SeatType.RELATIVE)
                    else None,
                    start=ctx.today - timedelta(days=rng.randint(60, 900)),
                    listed_publicly=rng.random() < 0.4,
                )
            )
    for membership in ctx.bulk(Membership, rows, "memberships"):
        members.setdefault(membership.council_id, []).append(membership)

    meetings = _meetings(ctx, councils)
    items = _items(ctx, meetings)
    _attendance(ctx, meetings, members)
    _comments(ctx, meetings, items, members)
    _advice(ctx, meetings, items)


def _meetings(ctx, councils):
    rng = ctx.rng
    rows = []
    for council, share in zip(
        councils, ctx.split(ctx.count("meetings"), len(councils)), strict=True
    ):
        # About five years back and two months ahead, so every council has history and plans.
        span, first = 1860, -1800
        for index in range(share):
            days = first + (index + rng.random()) * span / max(share, 1)
            starts_at = ctx.moment(days, hour=rng.choice([10, 14, 16, 17]))
            if days < -30:
                status = MeetingStatus.MINUTES_APPROVED
            elif days < 0:
                status = rng.choice([MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED])
            elif days < 21:
                status = MeetingStatus.PUBLISHED
            else:
                status = MeetingStatus.PLANNED
            published = status != MeetingStatus.PLANNED
            rows.append(
                builders.meeting(
                    council=council,
                    title=rng.choice(["Ordinært møde", "Temamøde", "Budgetmøde", ""]),
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=2),
                    location=rng.choice(LOCATIONS),
                    status=status,
                    comment_deadline=starts_at - timedelta(days=1) if published else None,
                    agenda_published_at=starts_at - timedelta(days=8) if published else None,
                    minutes=_text(rng, 6) if status == MeetingStatus.MINUTES_APPROVED else "",
                    minutes_approved_at=starts_at + timedelta(days=14)
                    if status == MeetingStatus.MINUTES_APPROVED
                    else None,
                )
            )
    meetings = ctx.bulk(Meeting, rows, "meetings")
    ctx.objects["meetings"] = meetings
    return meetings


def _items(ctx, meetings):
    rng = ctx.rng
    kinds = list(ItemKind)
    rows = []
    for meeting, share in zip(
        meetings, ctx.split(ctx.count("agenda_items"), len(meetings)), strict=True
    ):
        for number in range(1, share + 1):
            kind = rng.choice(kinds)
            rows.append(
                builders.agenda_item(
                    meeting=meeting,
                    number=number,
                    title=rng.choice(ITEM_TITLES),
                    kind=kind,
                    body=_text(rng, 4),
                    recommendation="Det indstilles, at rådet drøfter sagen.",
                    decision=_text(rng, 1) if meeting.status != MeetingStatus.PUBLISHED else "",
                    first_put_on=(meeting.starts_at - timedelta(days=rng.randint(0, 60))).date(),
                )
            )
    items = ctx.bulk(AgendaItem, rows, "agenda_items")
    ctx.objects["agenda_items"] = items
    return items


def _attendance(ctx, meetings, members):
    rng = ctx.rng
    statuses = [AttendanceStatus.PRESENT] * 8 + [
        AttendanceStatus.SENT_APOLOGIES,
        AttendanceStatus.ABSENT,
    ]
    rows = [
        builders.attendance(meeting=meeting, membership=membership, status=rng.choice(statuses))
        for meeting in meetings
        if meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
        for membership in members.get(meeting.council_id, [])
    ]
    ctx.bulk(Attendance, rows, "attendances")


def _comments(ctx, meetings, items, members):
    """Comments on agendas that members could see; about one in four answers another."""
    rng = ctx.rng
    by_id = {meeting.pk: meeting for meeting in meetings}
    open_items = [item for item in items if by_id[item.meeting_id].agenda_published_at] or items
    shares = ctx.split(ctx.count("comments"), len(open_items))
    for start in range(0, len(open_items), ITEMS_PER_CHUNK):
        chunk = list(zip(open_items[start : start + ITEMS_PER_CHUNK], shares[start:], strict=False))
        plan = []  # (item, meeting, authors, number of comments)
        for item, share in chunk:
            meeting = by_id[item.meeting_id]
            authors = [m.user_id for m in members.get(meeting.council_id, [])] or [
                ctx.objects["users"][0].pk
            ]
            plan.append((item, meeting, authors, share))

        def comment(item, meeting, authors, parent=None):
            opened = meeting.agenda_published_at or meeting.starts_at - timedelta(days=8)
            created = opened + timedelta(minutes=rng.randint(10, 7 * 24 * 60))
            hidden = rng.random() < 0.01
            return builders.comment(
                item=item,
                author_id=rng.choice(authors),
                parent=parent,
                text=rng.choice(COMMENTS),
                created_at=created,
                hidden_at=created + timedelta(hours=2) if hidden else None,
                hidden_reason="Personfølsomme oplysninger." if hidden else "",
            )

        tops, replies = [], []
        for item, meeting, authors, share in plan:
            replying = sum(rng.random() < 0.25 for _ in range(max(share - 1, 0)))
            tops.append([comment(item, meeting, authors) for _ in range(share - replying)])
            replies.append(replying)
        ctx.bulk(Comment, [c for group in tops for c in group], "comments")
        answers = [
            comment(item, meeting, authors, parent=rng.choice(group))
            for (item, meeting, authors, _), group, replying in zip(
                plan, tops, replies, strict=True
            )
            for _ in range(replying)
        ]
        ctx.bulk(Comment, answers, "comments")


def _advice(ctx, meetings, items):
    """Statements on about half the hearings of held meetings; most of them answered."""
    rng = ctx.rng
    by_id = {meeting.pk: meeting for meeting in meetings}
    statements = [
        builders.statement(
            item=item,
            text="Rådet anbefaler, at brugerne inddrages i den videre proces.",
            given_on=by_id[item.meeting_id].starts_at.date(),
        )
        for item in items
        if item.takes_advice
        and by_id[item.meeting_id].status == MeetingStatus.MINUTES_APPROVED
        and rng.random() < 0.5
    ]
    statements = ctx.bulk(Statement, statements, "statements")
    outcomes = list(ResponseOutcome)
    ctx.bulk(
        Response,
        [
            builders.response(
                statement=statement,
                outcome=rng.choice(outcomes),
                reasons="Forvaltningen har indarbejdet rådets bemærkninger, hvor det var muligt.",
                answered_on=statement.given_on + timedelta(days=rng.randint(7, 60)),
                decided_on=statement.given_on + timedelta(days=rng.randint(14, 90)),
            )
            for statement in statements
            if rng.random() < 0.7
        ],
        "responses",
    )
