"""The demo councils (councils/demo.toml), after seed 004 §31–37.

Idempotent: every row is looked up by a natural key before it is created.
"""

from datetime import date

from django.core.files.base import ContentFile

from accounts.demo import demo_user
from core.demo import demo_data, ensure
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    Comment,
    Council,
    Meeting,
    Membership,
    Response,
    SeatRule,
    Statement,
)
from organisation.models import RepresentedOrganisation

_COUNCILS = {row["key"]: row for row in demo_data("councils")["councils"]}
USER_COUNCIL = _COUNCILS["user_council"]["name"]
RELATIVES_COUNCIL = _COUNCILS["relatives_council"]["name"]


def load(ctx):
    for row in demo_data("councils")["councils"]:
        council = _council(ctx, row)
        members = _members(ctx, council, row["members"])
        ctx.objects[row["key"]] = council
        for meeting in row.get("meetings", []):
            _meeting(ctx, council, members, meeting)


def _council(ctx, row):
    first, last = row["term_years"]
    council, _ = ensure(
        Council,
        {"name": row["name"]},
        unit=ctx.units[row["unit"]],
        term_start=date(ctx.today.year + first, 1, 1),
        term_end=date(ctx.today.year + last, 12, 31),
        **ctx.fields(
            Council, row, skip={"key", "name", "unit", "term_years", "seats", "members", "meetings"}
        ),
    )
    for seat in row["seats"]:
        ensure(
            SeatRule,
            {"council": council, "seat_type": seat["seat_type"]},
            **ctx.fields(SeatRule, seat, skip={"seat_type"}),
        )
    return council


def _person(ctx, row):
    """The member's user, and the key other rows of the data name them by."""
    if "user" in row:
        return ctx.users[row["user"]], row["user"]
    user = demo_user(ctx, row["email"], full_name=row["full_name"])
    if "role" in row:
        ctx.users.setdefault(row["role"], user)
    return user, row["email"]


def _members(ctx, council, rows):
    """The memberships by the key of their person (demo user role or e-mail)."""
    found = {}
    for row in rows:
        user, key = _person(ctx, row)
        abbreviation = row.get("organisation")
        found[key], _ = ensure(
            Membership,
            {"council": council, "user": user, "seat_type": row["seat_type"]},
            organisation=RepresentedOrganisation.objects.get(abbreviation=abbreviation)
            if abbreviation
            else None,
            description=row.get("description", ""),
            listed_publicly=row.get("listed_publicly", False),
            start=council.term_start or ctx.today,
        )
    return found


def _meeting(ctx, council, members, row):
    meeting, _ = ensure(
        Meeting,
        {"council": council, "title": row["title"]},
        **ctx.fields(Meeting, row, skip={"title", "items", "apologies"}),
    )
    for number, item_row in enumerate(row["items"], start=1):
        item, _ = ensure(
            AgendaItem,
            {"meeting": meeting, "title": item_row["title"]},
            number=number,
            **ctx.fields(
                AgendaItem,
                item_row,
                skip={"title", "attachments", "comments", "statement"},
            ),
        )
        for attachment in item_row.get("attachments", []):
            _attachment(item, **attachment)
        _comments(ctx, item, members, item_row.get("comments", []))
        if "statement" in item_row:
            _statement(ctx, item, item_row["statement"])
    if "apologies" in row:
        for key, membership in members.items():
            ensure(
                Attendance,
                {"meeting": meeting, "membership": membership},
                status=AttendanceStatus.SENT_APOLOGIES
                if key in row["apologies"]
                else AttendanceStatus.PRESENT,
            )


def _comments(ctx, item, members, rows):
    made = []
    for row in rows:
        author = members[row["author"]].user
        parent = made[row["reply_to"] - 1] if "reply_to" in row else None
        comment, _ = ensure(
            Comment,
            {"item": item, "author": author, "parent": parent},
            **ctx.fields(Comment, row, skip={"author", "reply_to"}),
        )
        made.append(comment)


def _statement(ctx, item, row):
    statement, _ = ensure(
        Statement,
        {"item": item},
        recorded_by=ctx.users[row["recorded_by"]],
        **ctx.fields(Statement, row, skip={"recorded_by", "response"}),
    )
    if "response" in row:
        response = row["response"]
        ensure(
            Response,
            {"statement": statement},
            recorded_by=ctx.users[response["recorded_by"]],
            **ctx.fields(Response, response, skip={"recorded_by"}),
        )


def _attachment(item, *, title, filename):
    """A one-page PDF saying its title."""
    if not Attachment.objects.filter(item=item, title=title).exists():
        ensure(
            Attachment,
            {"item": item, "title": title},
            filename=filename,
            file=ContentFile(minimal_pdf(title), name=filename),
        )


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text, built by hand (no renderer needed)."""
    safe = text.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 760 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
