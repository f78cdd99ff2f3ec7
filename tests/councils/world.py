"""Councils in the shared world.

- ``council``: members-only; ``member`` holds a voting user seat, ``secretary`` the secretary's seat.
- ``other_council``: public meetings; ``outsider`` is its member.
Meetings of ``council``: ``meeting`` (published agenda, deadline ahead), ``planned_meeting``
(agenda not published), ``past_meeting`` (published, begun, deadline passed) and
``held_meeting`` (held, with a statement on a høring item) and ``approved_meeting`` (minutes
approved: its agenda is locked).
"""

from datetime import timedelta

from django.utils import timezone

from councils.models import ItemKind, MeetingStatus, SeatType
from tests.accounts.factories import UserFactory
from tests.councils.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    CalendarTokenFactory,
    CommentFactory,
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
    SeatRuleFactory,
    StatementFactory,
)

# In the text of every hidden comment of the world: no page may show it (test_hidden_comments).
HIDDEN_MARKER = "SKJULTMARKOER7f3a"


def _hidden_comments(world, item, now):
    """On ``item2``: a hidden comment with a visible reply, and a visible one with a hidden reply."""
    member, secretary = world.users["member"], world.users["secretary"]
    hidden = {"hidden_at": now, "hidden_by": secretary, "hidden_reason": "Navn på en borger"}
    world.objects["hidden_comment"] = head = CommentFactory(
        item=item, author=member, text=f"Borgeren {HIDDEN_MARKER} i opgang B.", **hidden
    )
    world.objects["reply_to_hidden"] = CommentFactory(
        item=item, author=secretary, parent=head, text="Tak, vi tager den op."
    )
    world.objects["visible_head"] = visible = CommentFactory(
        item=item, author=secretary, text="Husk at tilmelde jer."
    )
    world.objects["hidden_reply"] = CommentFactory(
        item=item, author=member, parent=visible, text=f"Også {HIDDEN_MARKER} kommer.", **hidden
    )


def extend(world):
    now = timezone.now()
    council = CouncilFactory(
        name="Brugerrådet for Rusenheden", unit=world["unit"], meetings_public=False
    )
    for seat_type, count, vote in [
        (SeatType.USER, 2, True),
        (SeatType.RELATIVE, 1, True),
        (SeatType.STAFF, 1, True),
        (SeatType.SECRETARY, 1, False),
    ]:
        SeatRuleFactory(council=council, seat_type=seat_type, required_count=count, can_vote=vote)
    world.objects["council"] = council
    world.objects["membership"] = MembershipFactory(
        council=council,
        user=world.users["member"],
        seat_type=SeatType.USER,
        organisation=world["organisation"],
    )
    world.objects["colleague"] = colleague = UserFactory(full_name="Kamma Kollega")
    MembershipFactory(council=council, user=colleague, seat_type=SeatType.RELATIVE)
    MembershipFactory(council=council, user=world.users["secretary"], seat_type=SeatType.SECRETARY)

    other = CouncilFactory(
        name="Pårørenderådet for Bostedet", unit=world["other_unit"], meetings_public=True
    )
    world.objects["other_council"] = other
    MembershipFactory(council=other, user=world.users["outsider"], seat_type=SeatType.RELATIVE)

    meeting = MeetingFactory(
        council=council,
        title="Ordinært møde",
        starts_at=now + timedelta(days=7),
        comment_deadline=now + timedelta(days=5),
        agenda_published_at=now,
    )
    world.objects["meeting"] = meeting
    world.objects["item"] = item = AgendaItemFactory(
        meeting=meeting, number=1, title="Høring om åbningstider", kind=ItemKind.HEARING
    )
    world.objects["item2"] = AgendaItemFactory(meeting=meeting, number=2, title="Eventuelt")
    world.objects["attachment"] = AttachmentFactory(item=item, title="Notat om åbningstider")
    world.objects["comment"] = CommentFactory(
        item=item, author=world.users["member"], text="Jeg støtter indstillingen."
    )
    _hidden_comments(world, world.objects["item2"], now)

    planned = MeetingFactory(
        council=council,
        title="Planlagt møde",
        status=MeetingStatus.PLANNED,
        starts_at=now + timedelta(days=30),
    )
    world.objects["planned_meeting"] = planned
    world.objects["planned_item"] = planned_item = AgendaItemFactory(
        meeting=planned, number=1, title="Udkast til budget", kind=ItemKind.BUDGET
    )
    world.objects["planned_attachment"] = AttachmentFactory(item=planned_item, title="Budgetudkast")

    past = MeetingFactory(
        council=council,
        title="Møde i sidste uge",
        starts_at=now - timedelta(days=7),
        comment_deadline=now - timedelta(days=9),
        agenda_published_at=now - timedelta(days=20),
    )
    world.objects["past_meeting"] = past
    world.objects["past_item"] = AgendaItemFactory(meeting=past, number=1, title="Lukket punkt")

    held = MeetingFactory(
        council=council,
        title="Afholdt møde",
        status=MeetingStatus.HELD,
        starts_at=now - timedelta(days=30),
        comment_deadline=now - timedelta(days=32),
        agenda_published_at=now - timedelta(days=40),
    )
    world.objects["held_meeting"] = held
    held_item = AgendaItemFactory(
        meeting=held, number=1, title="Høring om bostøtte", kind=ItemKind.HEARING
    )
    world.objects["held_item"] = held_item
    world.objects["statement"] = StatementFactory(item=held_item)

    approved = MeetingFactory(
        council=council,
        title="Møde med godkendt referat",
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=now - timedelta(days=60),
        comment_deadline=now - timedelta(days=62),
        agenda_published_at=now - timedelta(days=70),
        minutes="Godkendt referat.",
        minutes_approved_at=now - timedelta(days=50),
    )
    world.objects["approved_meeting"] = approved
    world.objects["approved_item"] = approved_item = AgendaItemFactory(
        meeting=approved, number=1, title="Afsluttet punkt", decision="Taget til efterretning."
    )
    world.objects["approved_attachment"] = AttachmentFactory(
        item=approved_item, title="Bilag til afsluttet punkt"
    )

    public_meeting = MeetingFactory(
        council=other,
        title="Åbent møde",
        starts_at=now + timedelta(days=10),
        comment_deadline=now + timedelta(days=8),
        agenda_published_at=now,
    )
    world.objects["public_meeting"] = public_meeting
    world.objects["public_item"] = public_item = AgendaItemFactory(
        meeting=public_meeting, number=1, title="Aflastning"
    )
    world.objects["public_attachment"] = AttachmentFactory(
        item=public_item, title="Aflastningsplan"
    )
    world.objects["public_comment"] = CommentFactory(
        item=public_item, author=world.users["outsider"], text="Godt forslag."
    )
    world.objects["calendar_token"] = CalendarTokenFactory(user=world.users["member"])
