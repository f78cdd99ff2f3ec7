"""Runs a search over every registered kind, as one SQL UNION, in a bounded number of queries.

PostgreSQL: full text with the 'danish' configuration (``brugerrådets`` finds
``brugerrådet``), title weighted above body. Danish glues words together
(``brugerråd``, ``pårørenderåd``), which stemming does not split; when full text
finds fewer than a page of results, words of three letters or more are also
looked for inside words (``ILIKE '%råd%'``, served by the pg_trgm indexes).
SQLite (the embedded setup): every word must occur in one of the kind's fields.

Queries: one for the ranked candidates (kind, id, rank, date; the newest
CANDIDATES matches of each kind; on PostgreSQL sent with the planner settings and
the query's stems, to highlight, in one message), one for what a page shows; on
PostgreSQL one more when the word-part search steps in. Never a query per result.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.core.exceptions import EmptyResultSet
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


# The search's planner settings. The vectors are stored (search/migrations/0002) and their
# statistics tell the planner how common a word is: it walks the date indexes
# (search/migrations/0003) for a common word and reads the full-text index for a rare one,
# so no scan type is forbidden. No parallel workers (their start costs more than these
# queries on a busy machine), no JIT, and a statement timeout. ``true``: local to the
# transaction, which is the one message the settings are sent in (``Search._fetch``).
SETTINGS = (
    "SELECT set_config('jit', 'off', true),"
    " set_config('max_parallel_workers_per_gather', '0', true),"
    " set_config('statement_timeout', %s, true)"
)
STEMS = "SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))"


def planner_settings(cursor):
    """Applies SETTINGS in the current transaction (tests explain queries with them)."""
    cursor.execute(SETTINGS, [str(TIMEOUT_MS)])


@contextmanager
def search_transaction():
    """Where the search's statements run (PostgreSQL).

    Outside a transaction nothing is needed: the settings and the search go to the
    server as one message, which PostgreSQL runs as one transaction (no BEGIN and
    COMMIT round trips). Inside one (ATOMIC_REQUESTS, tests) a savepoint, so that a
    search cancelled after TIMEOUT_MS leaves the outer transaction usable.
    """
    if connection.in_atomic_block:
        with transaction.atomic():
            yield
    else:
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
        self._stems: list[str] | None = None

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

    def _filters(self, kind: Kind) -> Q:
        """The council, unit and year filters, as one condition on the kind."""
        f = self.filters
        condition = Q()
        if f.council:
            condition &= Q(**{kind.council: f.council})
        if f.unit:
            condition &= Q(**{kind.unit: f.unit})
        if f.year:
            if kind.year:
                condition &= Q(**{kind.year: f.year})
            else:
                condition &= Q(s_date__gte=date(f.year, 1, 1), s_date__lt=date(f.year + 1, 1, 1))
        return condition

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
        """(s_pk, s_date) of the kind's newest matches the user may see (at most CANDIDATES).

        Newest first by the kind's date, then by id: on PostgreSQL the date indexes
        (search/migrations/0003) let a common word walk the newest rows and stop after
        CANDIDATES visible matches, where a rare word reads the full-text index and sorts
        its few matches. On SQLite the rank is computed here too (``s_rank``).
        """
        # Few steps: each QuerySet method copies the query (visible_to's subqueries too).
        annotations = {"s_date": self._date(kind), "s_pk": F("pk")}
        columns = ["s_pk", "s_date"]
        if self.postgres:
            annotations["s_vector"] = search_vector(kind)
            condition = Q(s_vector=self._query())
            if with_parts and self.parts:
                condition |= self._parts_match(kind)
        else:
            condition = self._parts_match(kind)
            rank = Value(0.0) if self.filters.by_date else self._sqlite_rank(kind)
            annotations["s_rank"] = Cast(rank, FloatField())
            columns.append("s_rank")
        newest = [F("s_date").desc(nulls_last=True), "-pk"]
        qs = (
            kind.queryset(self.user)
            .annotate(**annotations)
            .filter(condition & self._filters(kind))
            .order_by(*newest)
        )
        return qs.values(*columns)[:CANDIDATES]

    def branch_sql(self, kind: Kind, *, with_parts: bool) -> tuple[str, list] | None:
        """SQL for (s_kind, s_id, s_rank, s_date) of a kind's candidates; None: it has none.

        The candidates come from the kind's ``queryset(user)`` (the pages' ``visible_to``),
        compiled by Django; only the columns around them are written here. On PostgreSQL
        ts_rank reads the stored vector of those (at most CANDIDATES) rows only, joined by
        primary key.
        """
        try:
            inner, params = self._candidates(kind, with_parts=with_parts).query.sql_with_params()
        except EmptyResultSet:  # e.g. ``council_id IN ()``: nothing is visible
            return None
        quote = connection.ops.quote_name
        if not self.postgres:
            rank, rank_params, join = "c.s_rank", [], ""
        elif self.filters.by_date:
            rank, rank_params, join = "0.0", [], ""
        else:
            rank = (
                f"ts_rank(t.{quote(column_name(kind.key))}, "
                "websearch_to_tsquery(%s::regconfig, %s))"
            )
            rank_params = [CONFIG, self.text]
            meta = kind.model._meta
            join = f" INNER JOIN {quote(meta.db_table)} t ON t.{quote(meta.pk.column)} = c.s_pk"
        number = "double precision" if self.postgres else "real"
        # Django's compiled SQL and quoted names; every value is a parameter.
        sql = (
            f"SELECT %s AS s_kind, c.s_pk AS s_id, CAST({rank} AS {number}) AS s_rank,"  # noqa: S608
            f" c.s_date AS s_date FROM ({inner}) c{join}"
        )
        return sql, [kind.key, *rank_params, *params]

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
        """Every candidate as (kind, id, rank, date), best first (or newest first).

        One query: the kinds' branches as one UNION ALL, ordered in SQL.
        """
        branches = [self.branch_sql(k, with_parts=with_parts) for k in self.kinds()]
        branches = [branch for branch in branches if branch is not None]
        if not branches:
            return []
        rank, newest = "s_rank DESC", "s_date DESC NULLS LAST"
        order = [newest, rank] if self.filters.by_date else [rank, newest]
        sql = (
            "SELECT s_kind, s_id, s_rank, s_date FROM ("  # noqa: S608 - see branch_sql
            + " UNION ALL ".join(branch for branch, _ in branches)
            + f") u ORDER BY {', '.join(order)}, s_kind ASC, s_id DESC"
        )
        params = [param for _, branch_params in branches for param in branch_params]
        return [
            {
                "s_kind": kind,
                "s_id": pk,
                "s_rank": rank,
                "s_date": date.fromisoformat(day) if isinstance(day, str) else day,
            }
            for kind, pk, rank, day in self._fetch(sql, params)
        ]

    def _fetch(self, sql: str, params: list) -> list[tuple]:
        """The rows of ``sql``. On PostgreSQL sent in one message after the planner
        SETTINGS and (the first time) the query's stems: one round trip instead of five
        (BEGIN, settings, search, stems, COMMIT), which on a busy machine each wait for
        the CPU."""
        with connection.cursor() as cursor:
            if not self.postgres:
                cursor.execute(sql, params)
                return cursor.fetchall()
            statements, values = [SETTINGS], [str(TIMEOUT_MS)]
            stems = self._stems is None
            if stems:
                statements.append(STEMS)
                values += [CONFIG, self.text]
            cursor.execute("; ".join([*statements, sql]), [*values, *params])
            if stems:
                cursor.nextset()
                (found,) = cursor.fetchone()
                self._stems = list(found or [])
            cursor.nextset()
            return cursor.fetchall()

    # The page -----------------------------------------------------------------

    def results(self) -> "Results":
        if not self.terms:
            return Results(self, [])
        if not self.postgres:
            return Results(self, self.rows(with_parts=False))
        try:
            with search_transaction():
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
        if self._stems is None:  # found with the candidates (``_fetch``) unless it timed out
            with connection.cursor() as cursor:
                cursor.execute(STEMS, [CONFIG, self.text])
                (found,) = cursor.fetchone()
            self._stems = list(found or [])
        return self._stems


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
