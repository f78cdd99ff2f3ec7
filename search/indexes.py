"""SQL for the PostgreSQL indexes that serve search; used by the search app's migrations.

Migration 0001 indexed the expression ``vector_sql`` builds (setweight/to_tsvector/
COALESCE in Django's own form); since 0002 each kind stores that vector in a column
kept by a trigger (``stored_vector_sql``) and the GIN index of the same name is on
the column, which ``search.engine.search_vector`` reads. tests/search/test_postgres.py checks
with EXPLAIN that every kind's query uses its index.

The trigram index is one multi-column GIN index over the same text columns:
it serves ``column ILIKE '%part%'`` on any of them (the word-part search).

Since 0003 the large tables also have a B-tree on the kind's date and id
(``date_index_sql``): the order in which the search takes each kind's newest matches.
"""

import re

CONFIG = "danish"
# Migrations call these functions: change them only in ways that build the same SQL.


def vector_sql(weights: dict[str, tuple[str, ...]]) -> str:
    parts = []
    for weight in sorted(weights):
        text = " || ' ' || ".join(f"COALESCE(\"{column}\", '')" for column in weights[weight])
        parts.append(f"setweight(to_tsvector('{CONFIG}'::regconfig, {text}), '{weight}')")
    vector = parts[0]
    for part in parts[1:]:
        vector = f"({vector} || {part})"
    return vector


def fts_sql(name: str, table: str, weights: dict[str, tuple[str, ...]]) -> str:
    return (
        f'CREATE INDEX IF NOT EXISTS "search_fts_{name}" ON "{table}" '
        f"USING gin (({vector_sql(weights)}))"
    )


def trigram_sql(table: str, columns: tuple[str, ...]) -> str:
    operators = ", ".join(f'"{column}" gin_trgm_ops' for column in columns)
    return f'CREATE INDEX IF NOT EXISTS "search_trgm_{table}" ON "{table}" USING gin ({operators})'


def column_name(name: str) -> str:
    """The stored tsvector column of a kind (``search.engine.StoredVector`` reads it)."""
    return f"search_vector_{name}"


def stored_vector_sql(name: str, table: str, weights: dict[str, tuple[str, ...]]) -> list[str]:
    """A tsvector column holding exactly ``vector_sql(weights)``, kept by a trigger.

    Stored, the vector costs nothing to read: ranking and a phrase's re-check (GIN
    cannot check word order) no longer parse every matching row's text. A trigger
    rather than a generated column, because PostgreSQL refuses to alter a column a
    generated column depends on, which would block the other apps' AlterField
    migrations; plpgsql bodies are not dependencies.
    """
    column = column_name(name)
    columns = sorted({c for names in weights.values() for c in names})
    row_vector = vector_sql(weights).replace('COALESCE("', 'COALESCE($1."')
    old_text = ", ".join(f'$1."{c}"' for c in columns)
    new_text = ", ".join(f'$2."{c}"' for c in columns)
    # Not "UPDATE OF columns" nor a WHEN clause: both make the columns dependencies,
    # and PostgreSQL then refuses to alter their type. Dynamic SQL (EXECUTE … USING)
    # because a cached plan over NEW."column" fails once the column's type changes.
    # No searched text changed (a status update): the stored vector is kept.
    return [
        f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{column}" tsvector',
        f'CREATE OR REPLACE FUNCTION "{column}"() RETURNS trigger LANGUAGE plpgsql '  # noqa: S608
        f"AS $body$ DECLARE unchanged boolean; vector tsvector; BEGIN "
        f"IF TG_OP = 'UPDATE' AND NEW.\"{column}\" IS NOT NULL THEN "
        f"EXECUTE $q$SELECT ROW({old_text}) IS NOT DISTINCT FROM ROW({new_text})$q$ "
        f"INTO unchanged USING OLD, NEW; "
        f"IF unchanged THEN RETURN NEW; END IF; END IF; "
        f"EXECUTE $q$SELECT {row_vector}$q$ INTO vector USING NEW; "
        f'NEW."{column}" := vector; RETURN NEW; END $body$',
        f'DROP TRIGGER IF EXISTS "{column}" ON "{table}"',
        f'CREATE TRIGGER "{column}" BEFORE INSERT OR UPDATE ON "{table}" '
        f'FOR EACH ROW EXECUTE FUNCTION "{column}"()',
        f'UPDATE "{table}" SET "{column}" = {vector_sql(weights)}',  # noqa: S608 - identifiers
        # The update queues deferred foreign-key checks, which CREATE INDEX will not wait on.
        "SET CONSTRAINTS ALL IMMEDIATE",
        f'DROP INDEX IF EXISTS "search_fts_{name}"',
        f'CREATE INDEX "search_fts_{name}" ON "{table}" USING gin ("{column}")',
    ]


def drop_stored_vector_sql(name: str, table: str) -> list[str]:
    column = column_name(name)
    return [
        f'DROP INDEX IF EXISTS "search_fts_{name}"',
        f'DROP TRIGGER IF EXISTS "{column}" ON "{table}"',
        f'DROP FUNCTION IF EXISTS "{column}"()',
        f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{column}"',
    ]


def local_date_sql(column: str, time_zone: str) -> str:
    """A timestamp column's local date, exactly as Django's TruncDate writes it."""
    if not re.fullmatch(r"[A-Za-z0-9_/+-]+", time_zone):
        raise ValueError(f"unexpected time zone name {time_zone!r}")
    return f"((\"{column}\" AT TIME ZONE '{time_zone}')::date)"


def date_index_sql(name: str, table: str, expression: str) -> str:
    """A B-tree in the order the search takes a kind's candidates: newest first, then id.

    A common word ("råd" is in every agenda item) then walks the newest rows and
    stops after the candidates instead of sorting every match; the planner reads the
    full-text index instead when the word is rare.
    """
    return (
        f'CREATE INDEX IF NOT EXISTS "search_date_{name}" ON "{table}" '
        f'({expression} DESC NULLS LAST, "id" DESC)'
    )
