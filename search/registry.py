"""What the portal's search looks in: one ``Kind`` per searchable thing.

Adding a kind is one ``register(Kind(...))`` in ``search/kinds.py`` (and, on
PostgreSQL, its indexes in a new migration: ``search/indexes.py`` builds their SQL
from the same ``weights``, and a test checks that every kind has them).

A kind's rows always come from ``queryset(user)``, which starts from the model's
own ``visible_to(user)``: search shows exactly what the pages show.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Expression, F, QuerySet


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model: type
    # The rows this user may find; ``visible_to(user)`` of the page the result opens.
    queryset: Callable[[object], QuerySet]
    # Full-text weight ("A" above "B" above "C") → the model's text fields.
    weights: dict[str, tuple[str, ...]]
    # Shown as the result's heading; may follow a relation (never indexed then).
    title: str | Expression
    # The council, unit or committee the result belongs to (display name).
    where: str | Expression
    # The result's date (a DateField expression); None when the thing has no date.
    date: str | Expression | None
    # (route name, how the URL is made from a row) – see ``search.results``.
    link: Callable[[dict], str]
    # Lookup paths used by the filters; None: the filter leaves this kind out.
    council: str | None = None
    unit: str | None = None
    # A year field that the year filter uses instead of the date's year.
    year: str | None = None
    # The value that ``link`` gets besides the primary key (e.g. the meeting's id).
    link_id: str | Expression = "pk"
    link_extra: str | Expression | None = None
    status: str | None = None
    # Status values worth showing beside the kind (e.g. "Kladde" to the administrator).
    status_labels: dict = field(default_factory=dict)

    def text_fields(self) -> tuple[str, ...]:
        return tuple(name for weight in sorted(self.weights) for name in self.weights[weight])

    def snippet_fields(self) -> tuple[str, ...]:
        """The text a snippet is cut from: everything but the title (weight A)."""
        return tuple(
            name
            for weight in sorted(self.weights)
            if weight != "A"
            for name in self.weights[weight]
        )


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.key in KINDS:
        raise ValueError(f"search kind {kind.key!r} is registered twice")
    KINDS[kind.key] = kind
    return kind


def as_expression(value):
    return F(value) if isinstance(value, str) else value
