"""SQL for the PostgreSQL indexes that serve search; used by the search app's migrations.

The full-text index of a table is an expression index on exactly the tsvector
that ``search.engine.search_vector`` builds (setweight/to_tsvector/COALESCE in
Django's own form), so PostgreSQL keeps it current on every write and the
planner uses it for ``vector @@ query``. tests/search/test_postgres.py checks
with EXPLAIN that every kind's query uses its index.

The trigram index is one multi-column GIN index over the same text columns:
it serves ``column ILIKE '%part%'`` on any of them (the word-part search).
"""

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
