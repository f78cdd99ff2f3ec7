"""Runs a search over every registered kind, as one SQL UNION, in a bounded number of queries.

PostgreSQL: full text with the 'danish' configuration (``brugerrådets`` finds
``brugerrådet``), title weighted above body. Danish glues words together
(``brugerråd``, ``pårørenderåd``), which stemming does not split; when full text
finds fewer than a page of results, words of three letters or more are also
looked for inside words (``ILIKE '%råd%'``, served by the pg_trgm indexes).
SQLite (the embedded setup): every word must occur in one of the kind's fields.

Queries: one count, one page of (kind, id, rank, date), one page of what is
shown; on PostgreSQL one more count when the word-part search steps in, and one
for the stems to highlight. Never a query per result.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    BigIntegerField,
    CharField,
    DateField,
    F,
    FloatField,
    Lookup,
    Q,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Concat

import search.kinds  # noqa: F401 - registers the kinds
from search.registry import KINDS, Kind, as_expression

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PAGE_SIZE = 20
# Fewer full-text hits than this, and word parts are searched too.
FEW = PAGE_SIZE
MIN_PART_LENGTH = 3
CONFIG = "danish"
WEIGHT_VALUES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
WORD = re.compile(r"\w+")


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query as searched: NFC, no control characters, one space between words, capped."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in text
    )
    text = " ".join(text.split())
    truncated = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH].strip(), truncated


def query_terms(text: str) -> list[str]:
    """The distinct words of the query, lower-cased, in order (at most MAX_TERMS)."""
    seen = []
    for word in WORD.findall(text.lower()):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


class ILike(Lookup):
    """``field ILIKE pattern`` as a filter expression.

    Django's icontains compiles to ``UPPER(field) LIKE UPPER(…)`` on PostgreSQL,
    which no trigram index on the column serves; ILIKE is what gin_trgm_ops serves.
    """

    lookup_name = "search_ilike"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} ILIKE {rhs}", [*lhs_params, *rhs_params]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_vector(kind: Kind):
    """The weighted tsvector of a kind; ``search.indexes`` indexes exactly this expression."""
    vector = None
    for weight in sorted(kind.weights):
        part = SearchVector(*kind.weights[weight], config=CONFIG, weight=weight)
        vector = part if vector is None else vector + part
    return vector


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    council: int | None = None
    unit: int | None = None
    year: int | None = None
    by_date: bool = False


class Search:
    def __init__(self, user, text: str, filters: Filters | None = None):
        self.user = user
        self.text = text
        self.terms = query_terms(text)
        self.parts = [t for t in self.terms if len(t) >= MIN_PART_LENGTH]
        self.filters = filters or Filters()
        self.postgres = connection.vendor == "postgresql"
        self.used_parts = False

    # Which kinds, and their rows --------------------------------------------

    def kinds(self) -> list[Kind]:
        f = self.filters
        found = []
        for kind in KINDS.values():
            if f.kind and kind.key != f.kind:
                continue
            if f.council and not kind.council:
                continue
            if f.unit and not kind.unit:
                continue
            if f.year and not (kind.year or kind.date):
                continue
            found.append(kind)
        return found

    def _base(self, kind: Kind):
        f = self.filters
        qs = kind.queryset(self.user).order_by()
        if kind.date is not None:
            qs = qs.annotate(s_date=Cast(as_expression(kind.date), DateField()))
        else:
            qs = qs.annotate(s_date=Value(None, output_field=DateField()))
        if f.council:
            qs = qs.filter(**{kind.council: f.council})
        if f.unit:
            qs = qs.filter(**{kind.unit: f.unit})
        if f.year:
            if kind.year:
                qs = qs.filter(**{kind.year: f.year})
            else:
                qs = qs.filter(s_date__gte=date(f.year, 1, 1), s_date__lt=date(f.year + 1, 1, 1))
        return qs

    def _parts_match(self, kind: Kind):
        """Every word part (≥ 3 letters) occurs in one of the kind's fields."""
        condition = Q()
        for term in self.parts:
            pattern = _like_pattern(term)
            anywhere = Q()
            for name in kind.text_fields():
                if self.postgres:
                    anywhere |= ILike(F(name), Value(pattern))
                else:
                    anywhere |= Q(**{f"{name}__icontains": term})
            condition &= anywhere
        return condition

    def _matched(self, kind: Kind, *, with_parts: bool, ranked: bool):
        qs = self._base(kind)
        if not self.postgres:
            qs = qs.filter(self._parts_match(kind))
            rank = Value(0.0) if not ranked else self._sqlite_rank(kind)
            return qs.annotate(s_rank=Cast(rank, FloatField()))
        query = SearchQuery(self.text, config=CONFIG, search_type="websearch")
        qs = qs.annotate(s_vector=search_vector(kind))
        condition = Q(s_vector=query)
        if with_parts and self.parts:
            condition |= self._parts_match(kind)
        qs = qs.filter(condition)
        rank = SearchRank(F("s_vector"), query) if ranked else Value(0.0)
        return qs.annotate(s_rank=Cast(rank, FloatField()))

    def _sqlite_rank(self, kind: Kind):
        from django.db.models import Case, When

        rank = Value(0.0)
        for weight, names in kind.weights.items():
            for name in names:
                for term in self.terms:
                    rank = rank + Case(
                        When(**{f"{name}__icontains": term}, then=Value(WEIGHT_VALUES[weight])),
                        default=Value(0.0),
                        output_field=FloatField(),
                    )
        return rank

    def _union(self, querysets):
        if not querysets:
            return None
        first, *rest = querysets
        return first.union(*rest, all=True) if rest else first

    def _keyed(self, kind: Kind, qs):
        return qs.annotate(
            s_kind=Value(kind.key, output_field=CharField()),
            s_id=Cast("pk", BigIntegerField()),
        )

    def count(self, *, with_parts: bool) -> int:
        branches = [
            self._keyed(kind, self._matched(kind, with_parts=with_parts, ranked=False)).values(
                "s_kind"
            )
            for kind in self.kinds()
        ]
        union = self._union(branches)
        return union.count() if union is not None else 0

    def ranked(self, *, with_parts: bool):
        """(kind, id, rank, date) of every match, best first (or newest first)."""
        branches = [
            self._keyed(
                kind,
                self._matched(kind, with_parts=with_parts, ranked=not self.filters.by_date),
            ).values("s_kind", "s_id", "s_rank", "s_date")
            for kind in self.kinds()
        ]
        union = self._union(branches)
        if union is None:
            return None
        if self.filters.by_date:
            return union.order_by(F("s_date").desc(nulls_last=True), "-s_rank", "s_kind", "-s_id")
        return union.order_by("-s_rank", F("s_date").desc(nulls_last=True), "s_kind", "-s_id")

    # The page -----------------------------------------------------------------

    def results(self) -> "Results":
        if not self.terms:
            return Results(self, None, 0)
        total = self.count(with_parts=False)
        with_parts = False
        if self.postgres and total < FEW and self.parts:
            with_parts = True
            total = self.count(with_parts=True)
        self.used_parts = with_parts
        return Results(self, self.ranked(with_parts=with_parts), total)

    def details(self, rows: list[dict]) -> dict:
        """What each result shows, for one page of rows, in one query."""
        wanted: dict[str, list[int]] = {}
        for row in rows:
            wanted.setdefault(row["s_kind"], []).append(row["s_id"])
        branches = []
        for key, ids in wanted.items():
            kind = KINDS[key]
            text = [F(name) for name in kind.snippet_fields()] or [Value("")]
            parts = []
            for expression in text:
                parts.extend([expression, Value("\n")])
            branches.append(
                self._keyed(kind, kind.queryset(self.user).order_by().filter(pk__in=ids))
                .annotate(
                    s_link=Cast(as_expression(kind.link_id), BigIntegerField()),
                    s_extra=Cast(
                        as_expression(kind.link_extra) if kind.link_extra else Value(""),
                        TextField(),
                    ),
                    s_title=Cast(as_expression(kind.title), TextField()),
                    s_text=Cast(Concat(*parts) if len(parts) > 1 else parts[0], TextField()),
                    s_where=Cast(as_expression(kind.where), TextField()),
                    s_status=Cast(
                        as_expression(kind.status) if kind.status else Value(""), TextField()
                    ),
                )
                .values(
                    "s_kind",
                    "s_id",
                    "s_link",
                    "s_extra",
                    "s_title",
                    "s_text",
                    "s_where",
                    "s_status",
                )
            )
        union = self._union(branches)
        if union is None:
            return {}
        return {(row["s_kind"], row["s_id"]): row for row in union}

    def stems(self) -> list[str]:
        """The query's Danish stems, to mark the words full text matched (PostgreSQL only)."""
        if not self.postgres or not self.terms:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [CONFIG, self.text]
            )
            (found,) = cursor.fetchone()
        return list(found or [])


class Results:
    """A sliceable, countable result list for django.core.paginator.Paginator."""

    def __init__(self, search: Search, ranked, total: int):
        self.search = search
        self.ranked = ranked
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if self.ranked is None:
            return []
        from search.presenting import present

        rows = list(self.ranked[index])
        if not rows:
            return []
        return present(self.search, rows, self.search.details(rows))
