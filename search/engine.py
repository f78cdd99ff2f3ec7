"""Runs a search over every registered kind, as one SQL UNION, in a bounded number of queries.

PostgreSQL: full text with the 'danish' configuration (``brugerrådets`` finds
``brugerrådet``), title weighted above body. Danish glues words together
(``brugerråd``, ``pårørenderåd``), which stemming does not split; when full text
finds fewer than a page of results, words of three letters or more are also
looked for inside words (``ILIKE '%råd%'``, served by the pg_trgm indexes).
SQLite (the embedded setup): every word must occur in one of the kind's fields.

Queries: one for the ranked candidates (kind, id, rank, date; the newest
CANDIDATES matches of each kind), one for what a page shows; on PostgreSQL one
more when the word-part search steps in, and one for the stems to highlight.
Never a query per result.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import OperationalError, connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    DateField,
    F,
    FloatField,
    Func,
    Lookup,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

import search.kinds  # noqa: F401 - registers the kinds
from search.indexes import column_name
from search.registry import KINDS, Kind, as_expression

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PAGE_SIZE = 20
# Per kind, the newest matches that are ranked and shown. The vectors are stored
# (search/migrations/0002), but a word found in 13,000 agenda items still means
# checking each one's visibility and ranking it; the newest 200 of each kind are
# what a visitor pages through anyway, and a note asks for a narrower search.
CANDIDATES = 200
# A phrase ("…") over very common words re-reads every row holding them; past this
# the search is cancelled with a message (PostgreSQL).
TIMEOUT_MS = 5000
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


EXCLUDED = re.compile(r"(?:^|\s)-(\w+)")


def query_terms(text: str) -> list[str]:
    """The distinct words of the query, lower-cased, in order (at most MAX_TERMS).

    A word written ``-word`` (websearch syntax: without it) is not one of them.
    """
    excluded = set(excluded_terms(text))
    seen = []
    for word in WORD.findall(text.lower()):
        if word not in seen and word not in excluded:
            seen.append(word)
    return seen[:MAX_TERMS]


def excluded_terms(text: str) -> list[str]:
    return [word.lower() for word in EXCLUDED.findall(text)][:MAX_TERMS]


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


class JoinText(Func):
    """The fields' text, one blank line apart, as one flat ``a || … || b``.

    Django's Concat nests a pair per field, which SQLite's parser refuses
    ("parser stack overflow") for a kind with many fields.
    """

    template = "%(expressions)s"
    output_field = TextField()

    def __init__(self, *names):
        super().__init__(*[Coalesce(Cast(F(name), TextField()), Value("")) for name in names])

    def as_sql(self, compiler, connection, **extra):
        newline = "chr(10)" if connection.vendor == "postgresql" else "char(10)"
        return super().as_sql(
            compiler, connection, arg_joiner=f" || {newline} || {newline} || ", **extra
        )


class Sum(Func):
    """``a + b + …`` without the nesting of ``a + (b + …)`` (see JoinText)."""

    template = "(%(expressions)s)"
    arg_joiner = " + "
    output_field = FloatField()


def _sqlite_icontains(name: str, term: str) -> Q:
    """icontains that also finds »Åbent« for »åbent«: SQLite's LIKE folds ASCII letters only."""
    condition = Q()
    for variant in dict.fromkeys([term, term.capitalize(), term.upper()]):
        condition |= Q(**{f"{name}__icontains": variant})
    return condition


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class StoredVector(Func):
    """The kind's stored, weighted tsvector column (search/migrations/0002, PostgreSQL).

    Built on the row's primary key so that Django's table aliases (``V0`` inside a
    subquery) carry over to the column, which no model field declares.
    """

    output_field = SearchVectorField()

    def __init__(self, column: str):
        super().__init__(F("pk"))
        self.column = column

    def as_sql(self, compiler, connection, **extra):
        (pk,) = self.get_source_expressions()
        table = compiler.quote_name_unless_alias(pk.alias)
        return f"{table}.{connection.ops.quote_name(self.column)}", []


def search_vector(kind: Kind):
    """The weighted tsvector of a kind, as stored and indexed by ``search.indexes``."""
    return StoredVector(column_name(kind.key))


@contextmanager
def bitmap_reads():
    """A transaction in which PostgreSQL reads the search indexes as bitmaps.

    The planner charges a bitmap scan for re-checking every row, so for a common word
    it prefers a scan that computes to_tsvector for every row (2 s for "råd" over
    20,000 agenda items). The GIN index is exact: its bitmap needs no re-check, and
    read that way the same query takes under 0.1 s. SET LOCAL ends with the block.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true),"
                " set_config('enable_indexscan', 'off', true),"
                # The disabled scans' huge cost estimates would otherwise start JIT compiling.
                " set_config('jit', 'off', true),"
                " set_config('statement_timeout', %s, true)",
                [str(TIMEOUT_MS)],
            )
        yield


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
        self.excluded = excluded_terms(text)
        self.filters = filters or Filters()
        self.postgres = connection.vendor == "postgresql"
        self.used_parts = False
        self.timed_out = False

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

    @staticmethod
    def _date(kind: Kind):
        if kind.date is None:
            return Value(None, output_field=DateField())
        return Cast(as_expression(kind.date), DateField())

    def _base(self, kind: Kind):
        f = self.filters
        qs = kind.queryset(self.user).order_by().annotate(s_date=self._date(kind))
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
        """Every word occurs in one of the kind's fields, also inside a longer word; no
        ``-word`` does. On PostgreSQL (the fallback to full text) words of 3+ letters only."""
        condition = Q()
        for term in self.parts if self.postgres else self.terms:
            condition &= self._anywhere(kind, term)
        for term in self.excluded:
            condition &= ~self._anywhere(kind, term)
        return condition

    def _anywhere(self, kind: Kind, term: str):
        anywhere = Q()
        for name in kind.text_fields():
            if self.postgres:
                anywhere |= ILike(F(name), Value(_like_pattern(term)))
            else:
                anywhere |= _sqlite_icontains(name, term)
        return anywhere

    def _query(self):
        return SearchQuery(self.text, config=CONFIG, search_type="websearch")

    def _candidates(self, kind: Kind, *, with_parts: bool):
        """The ids of the kind's newest matches the user may see (at most CANDIDATES)."""
        qs = self._base(kind)
        if self.postgres:
            qs = qs.annotate(s_vector=search_vector(kind))
            condition = Q(s_vector=self._query())
            if with_parts and self.parts:
                condition |= self._parts_match(kind)
        else:
            condition = self._parts_match(kind)
        newest = [F("s_date").desc(nulls_last=True), "-pk"]
        return qs.filter(condition).order_by(*newest).values("pk")[:CANDIDATES]

    def _branch(self, kind: Kind, *, with_parts: bool):
        """(kind, id, rank, date) of the candidates; the rank is computed for them only."""
        qs = kind.model._default_manager.filter(
            pk__in=self._candidates(kind, with_parts=with_parts)
        ).order_by()
        qs = qs.annotate(s_date=self._date(kind))
        if self.filters.by_date:
            rank = Value(0.0)
        elif self.postgres:
            rank = SearchRank(search_vector(kind), self._query())
        else:
            rank = self._sqlite_rank(kind)
        return self._keyed(kind, qs.annotate(s_rank=Cast(rank, FloatField()))).values(
            "s_kind", "s_id", "s_rank", "s_date"
        )

    def _sqlite_rank(self, kind: Kind):
        return Sum(
            *[
                Case(
                    When(_sqlite_icontains(name, term), then=Value(WEIGHT_VALUES[weight])),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
                for weight, names in kind.weights.items()
                for name in names
                for term in self.terms
            ]
        )

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

    def rows(self, *, with_parts: bool) -> list[dict]:
        """Every candidate as (kind, id, rank, date), best first (or newest first)."""
        union = self._union([self._branch(k, with_parts=with_parts) for k in self.kinds()])
        if union is None:
            return []
        newest = F("s_date").desc(nulls_last=True)
        if self.filters.by_date:
            return list(union.order_by(newest, "-s_rank", "s_kind", "-s_id"))
        return list(union.order_by("-s_rank", newest, "s_kind", "-s_id"))

    # The page -----------------------------------------------------------------

    def results(self) -> "Results":
        if not self.terms:
            return Results(self, [])
        if not self.postgres:
            return Results(self, self.rows(with_parts=False))
        try:
            # One transaction for both passes: its settings are made once (3 queries fewer).
            with bitmap_reads():
                rows = self.rows(with_parts=False)
                # A "quoted phrase" asks for those words in that order: no looking inside words.
                if len(rows) < FEW and self.parts and '"' not in self.text:
                    self.used_parts = True
                    rows = self.rows(with_parts=True)
        except OperationalError:
            # Cancelled after TIMEOUT_MS: the visitor gets a message, never an error page.
            self.timed_out = True
            rows = []
        return Results(self, rows)

    def details(self, rows: list[dict]) -> dict:
        """What each result shows, for one page of rows, in one query."""
        wanted: dict[str, list[int]] = {}
        for row in rows:
            wanted.setdefault(row["s_kind"], []).append(row["s_id"])
        branches = []
        for key, ids in wanted.items():
            kind = KINDS[key]
            snippet_fields = kind.snippet_fields()
            branches.append(
                self._keyed(kind, kind.queryset(self.user).order_by().filter(pk__in=ids))
                .annotate(
                    s_link=Cast(as_expression(kind.link_id), BigIntegerField()),
                    s_extra=Cast(
                        as_expression(kind.link_extra) if kind.link_extra else Value(""),
                        TextField(),
                    ),
                    s_title=Cast(as_expression(kind.title), TextField()),
                    s_text=JoinText(*snippet_fields)
                    if snippet_fields
                    else Value("", output_field=TextField()),
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
    """The candidates, for django.core.paginator.Paginator; a page is presented when sliced."""

    def __init__(self, search: Search, rows: list[dict]):
        self.search = search
        self.rows = rows
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["s_kind"]] = counts.get(row["s_kind"], 0) + 1
        # Some kind had more matches than are ranked: the visitor should narrow the search.
        self.capped = any(count >= CANDIDATES for count in counts.values())

    def count(self) -> int:
        return len(self.rows)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        from search.presenting import present

        rows = self.rows[index]
        if not rows:
            return []
        return present(self.search, rows, self.search.details(rows))
