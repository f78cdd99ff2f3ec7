"""Every kind's searched columns are indexed by a migration (checked on every database)."""

from importlib import import_module

from search.registry import KINDS

INDEXED = import_module("search.migrations.0001_postgres_indexes").INDEXED


def test_every_kind_has_its_full_text_index_with_the_same_weights():
    problems = []
    for key, kind in KINDS.items():
        table = kind.model._meta.db_table
        if INDEXED.get(key) != (table, kind.weights):
            problems.append(f"{key}: searches {table} {kind.weights}, indexed {INDEXED.get(key)}")
    assert not problems, (
        "A kind's fields changed: add a migration to search/ that indexes them.\n"
        + "\n".join(problems)
    )


def test_indexed_columns_exist():
    for key, kind in KINDS.items():
        names = {field.column for field in kind.model._meta.concrete_fields}
        assert set(kind.text_fields()) <= names, key
