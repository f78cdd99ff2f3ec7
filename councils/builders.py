"""Builders for councils (see core/builders.py)."""

from datetime import timedelta

from django.utils import timezone

from core.builders import build, builds
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    CalendarToken,
    Comment,
    Council,
    CouncilKind,
    ItemKind,
    Meeting,
    Membership,
    Response,
    ResponseOutcome,
    SeatRule,
    SeatType,
    Statement,
)


@builds(Council)
def council(**fields) -> Council:
    """Needs ``name`` and a ``unit`` or an ``administration``."""
    return build(
        Council,
        fields,
        kind=CouncilKind.USER_COUNCIL,
        summary="Rådet giver råd til enheden.",
    )


@builds(SeatRule)
def seat_rule(**fields) -> SeatRule:
    """Needs ``council``."""
    return build(SeatRule, fields, seat_type=SeatType.USER)


@builds(Membership)
def membership(**fields) -> Membership:
    """Needs ``council`` and ``user``; a user's seat since a hundred days ago."""
    return build(
        Membership,
        fields,
        seat_type=SeatType.USER,
        start=lambda: timezone.localdate() - timedelta(days=100),
    )


@builds(Meeting)
def meeting(**fields) -> Meeting:
    """Needs ``council`` and ``title``; in a week, comments until two days before."""
    built = build(Meeting, fields, starts_at=lambda: timezone.now() + timedelta(days=7))
    if "comment_deadline" not in fields:
        built.comment_deadline = built.starts_at - timedelta(days=2)
    return built


@builds(AgendaItem)
def agenda_item(**fields) -> AgendaItem:
    """Needs ``meeting``, ``number`` and ``title``."""
    return build(AgendaItem, fields, kind=ItemKind.DISCUSSION)


@builds(Attachment)
def attachment(**fields) -> Attachment:
    """Needs ``item``; give ``file`` (a ContentFile) and its ``filename``."""
    built = build(Attachment, fields)
    if "size" not in fields and built.file:
        built.size = built.file.size
    return built


@builds(Attendance)
def attendance(**fields) -> Attendance:
    """Needs ``meeting`` and ``membership``."""
    return build(Attendance, fields, status=AttendanceStatus.PRESENT)


@builds(Comment)
def comment(**fields) -> Comment:
    """Needs ``item``, ``author`` and ``text``."""
    return build(Comment, fields)


@builds(Statement)
def statement(**fields) -> Statement:
    """Needs ``item`` and ``text``; given today."""
    return build(Statement, fields)


@builds(Response)
def response(**fields) -> Response:
    """Needs ``statement`` and ``reasons``."""
    return build(Response, fields, outcome=ResponseOutcome.FOLLOWED)


@builds(CalendarToken)
def calendar_token(**fields) -> CalendarToken:
    """Needs ``user``."""
    return build(CalendarToken, fields)
