"""Reads that several views share: a council's composition and its advice record."""

from dataclasses import dataclass, field
from statistics import median

from django.db import connections, router
from django.db.models import Case, F, TextField, Value, When

from councils.models import (
    DEFAULT_RIGHTS,
    USER_SIDE_SEATS,
    AgendaItem,
    Attachment,
    Comment,
    Membership,
    Rights,
    SeatType,
    Statement,
)

# Seed 004 §14: a council asked "so late in the process that there is no longer room
# to influence" the decision. Below this many days, the lead time is flagged.
SHORT_LEAD_TIME_DAYS = 14


def is_symbolic(voting_total: int, voting_user_side: int) -> bool:
    """Seed 004 §14: voting user and relative representatives are no majority of the voting
    members counted (a council's seats, or those expected at a meeting)."""
    return voting_total > 0 and voting_user_side * 2 <= voting_total


@dataclass
class SeatRow:
    seat_type: str
    label: str
    required: int
    filled: int
    rights: Rights
    members: list = field(default_factory=list)

    @property
    def missing(self) -> int:
        return max(self.required - self.filled, 0)


@dataclass
class Composition:
    rows: list[SeatRow]
    voting_total: int
    voting_user_side: int

    @property
    def unfilled(self) -> list[SeatRow]:
        return [row for row in self.rows if row.missing]

    @property
    def required_total(self) -> int:
        return sum(row.required for row in self.rows)

    @property
    def filled_total(self) -> int:
        return sum(row.filled for row in self.rows)

    @property
    def symbolic_participation(self) -> bool:
        """Voting user and relative representatives are not a majority of the voting members."""
        return is_symbolic(self.voting_total, self.voting_user_side)


def active_memberships(council):
    return list(
        Membership.objects.active()
        .filter(council=council)
        .select_related("user", "organisation", "substitute_for__user")
        .order_by("seat_type", "user__full_name")
    )


def composition(council, memberships) -> Composition:
    """Required vs filled seats. ``memberships`` are the council's active memberships."""
    rules = {rule.seat_type: rule for rule in council.seat_rules.all()}
    rows: dict[str, SeatRow] = {}
    for seat_type, label in SeatType.choices:
        rule = rules.get(seat_type)
        rows[seat_type] = SeatRow(
            seat_type=seat_type,
            label=label,
            required=rule.required_count if rule else 0,
            filled=0,
            rights=rule.rights if rule else DEFAULT_RIGHTS[seat_type],
        )
    voting_total = voting_user_side = 0
    for membership in memberships:
        row = rows[membership.seat_type]
        row.members.append(membership)
        if membership.is_substitute:
            continue
        row.filled += 1
        if row.rights.vote:
            voting_total += 1
            if membership.seat_type in USER_SIDE_SEATS:
                voting_user_side += 1
    shown = [row for row in rows.values() if row.required or row.members]
    return Composition(rows=shown, voting_total=voting_total, voting_user_side=voting_user_side)


@dataclass
class AdviceSummary:
    statements: list
    given: int
    answered: int
    median_days_to_answer: float | None
    median_lead_time: float | None
    short_lead_times: int


def advice_summary(council, user) -> AdviceSummary:
    """Statements of the current term; the figures count them all, the list shows what the user may see."""
    statements = list(
        Statement.objects.filter(item__meeting__council=council)
        .select_related("item__meeting", "response")
        .order_by("-given_on", "-pk")
    )
    if council.term_start or council.term_end:
        statements = [s for s in statements if council.in_term(s.given_on)]
    answered = [s for s in statements if getattr(s, "response", None) is not None]
    lead_times = [
        s.response.lead_time_days for s in answered if s.response.lead_time_days is not None
    ]
    visible_items = set(
        AgendaItem.objects.visible_to(user)
        .filter(pk__in=[s.item_id for s in statements])
        .values_list("pk", flat=True)
    )
    return AdviceSummary(
        statements=[s for s in statements if s.item_id in visible_items],
        given=len(statements),
        answered=len(answered),
        median_days_to_answer=median([s.response.days_to_answer for s in answered])
        if answered
        else None,
        median_lead_time=median(lead_times) if lead_times else None,
        short_lead_times=sum(1 for days in lead_times if days < SHORT_LEAD_TIME_DAYS),
    )


def shown_comments():
    """Comments with ``shown_text``: the text, or "" for a hidden comment.

    The hidden text is not even read from the database for the pages that list comments,
    so no template, feed or export built on this can show it by mistake.
    """
    return Comment.objects.defer("text").annotate(
        shown_text=Case(
            When(hidden_at__isnull=True, then=F("text")),
            default=Value(""),
            output_field=TextField(),
        )
    )


def meeting_items(items, *, with_comments: bool):
    """The agenda (``items``: a visible_to queryset) with all the meeting page shows.

    The number of queries does not grow with the number of items or comments. Each item
    gets ``attachment_list`` and, with ``with_comments``, ``threads`` (see ``attach_threads``).
    Both are read with one plain query each and grouped here: a ``Prefetch`` did the same
    with ~1 ms more of Python on a ten-item agenda.
    """
    items = list(items.select_related("statement__response").order_by("number", "pk"))
    by_item = {item.pk: item for item in items}
    for item in items:
        item.attachment_list = []
    if by_item:
        for attachment in _attachments_of(list(by_item)):
            attachment.item = by_item[attachment.item_id]
            attachment.item.attachment_list.append(attachment)
    if with_comments:
        attach_threads(items)
    return items


def _attachments_of(item_ids):
    """``Attachment.objects.filter(item_id__in=item_ids).order_by("pk")``, whole instances, as
    a plain parameterised SELECT: the page reads it on every view (a fifth of the ORM's CPU)."""
    connection = connections[router.db_for_read(Attachment)]
    quote = connection.ops.quote_name
    meta = Attachment._meta
    placeholders = ", ".join(["%s"] * len(item_ids))
    return Attachment.objects.raw(
        f"SELECT * FROM {quote(meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {quote(meta.get_field('item').column)} IN ({placeholders}) "
        f"ORDER BY {quote(meta.pk.column)}",
        item_ids,
    )


# What the meeting page shows of a comment and its author (shown_text is annotated).
THREAD_FIELDS = (
    "id",
    "item_id",
    "author_id",
    "parent_id",
    "created_at",
    "edited_at",
    "hidden_at",
    "hidden_reason",
    "author__full_name",
    "shown_text",
)


class ThreadComment:
    """A comment as the meeting page shows it: plain values, no model instance.

    Built from one ``values_list`` row (``THREAD_FIELDS``), so the page does not pay for a
    Comment and a User model per comment. It has no ``text``: a hidden comment's text is not
    read (``shown_text`` is "" for it). ``is_hidden`` and ``in_edit_window`` are Comment's own.
    ``as_comment()`` gives a Comment with the same values for asking the rules.
    """

    __slots__ = (
        "pk",
        "item_id",
        "author_id",
        "parent_id",
        "created_at",
        "edited_at",
        "hidden_at",
        "hidden_reason",
        "author_name",
        "shown_text",
        "item",
        "reply_list",
        "is_new",
        "can_edit",
        "can_hide",
        "can_read_hidden",
    )

    def __init__(self, row, item):
        (
            self.pk,
            self.item_id,
            self.author_id,
            self.parent_id,
            self.created_at,
            self.edited_at,
            self.hidden_at,
            self.hidden_reason,
            self.author_name,
            self.shown_text,
        ) = row
        self.item = item
        self.reply_list = []

    @property
    def id(self):
        return self.pk

    @property
    def is_hidden(self) -> bool:
        return Comment.is_hidden.fget(self)

    def in_edit_window(self, now=None) -> bool:
        return Comment.in_edit_window(self, now)

    def as_comment(self) -> Comment:
        """A Comment (not saved, without its text) with these values, for ``has_perm``."""
        return Comment(
            id=self.pk,
            item=self.item,
            author_id=self.author_id,
            parent_id=self.parent_id,
            created_at=self.created_at,
            edited_at=self.edited_at,
            hidden_at=self.hidden_at,
            hidden_reason=self.hidden_reason,
        )


def attach_threads(items):
    """Every comment on ``items`` with its author's name, in one query.

    Sets ``item.threads`` (the top-level comments, oldest first, as ``ThreadComment``) and on
    each comment ``reply_list`` (its replies, oldest first) and ``item``. Like
    ``shown_comments``, a hidden comment's text is not read: ``text`` is not among the
    columns, ``shown_text`` is "" for it.
    """
    by_item = {item.pk: item for item in items}
    for item in items:
        item.threads = []
    if not by_item:
        return items
    rows = (
        shown_comments()
        .filter(item_id__in=list(by_item))
        .order_by("created_at", "pk")
        .values_list(*THREAD_FIELDS)
    )
    comments = [ThreadComment(row, by_item[row[1]]) for row in rows]
    by_pk = {comment.pk: comment for comment in comments}
    for comment in comments:
        if comment.parent_id is None:
            comment.item.threads.append(comment)
        elif comment.parent_id in by_pk:
            by_pk[comment.parent_id].reply_list.append(comment)
    return items
