"""Each kind's weighted tsvector stored in a column kept by a trigger (PostgreSQL only).

The full-text index moves from the expression to the column (same index name), and
the search reads the column (``search.engine.StoredVector``): ranking and phrase
re-checks no longer parse text. The weights are 0001's, unchanged; a later change
of a kind's fields needs a migration that replaces the trigger and refills the column.
"""

from importlib import import_module

from django.db import migrations

from search.indexes import drop_stored_vector_sql, fts_sql, stored_vector_sql

INDEXED = import_module("search.migrations.0001_postgres_indexes").INDEXED


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, weights) in INDEXED.items():
        for statement in stored_vector_sql(name, table, weights):
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, weights) in INDEXED.items():
        for statement in drop_stored_vector_sql(name, table):
            schema_editor.execute(statement)
        schema_editor.execute(fts_sql(name, table, weights))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_postgres_indexes"),
        ("councils", "0003_meeting_visit"),
        ("policies", "0002_attachment_original_name"),
        ("actionplans", "0004_protected_records"),
        ("reports", "0003_rendition_heartbeat_one_active"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
