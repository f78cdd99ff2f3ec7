"""B-tree indexes in the order the search takes each kind's candidates (PostgreSQL only).

The search takes a kind's newest matches first (date descending, nulls last, then
id descending: ``search.engine.Search._candidates``). With an index in that order a
common word walks the newest rows and stops after the candidates; without one,
every match was checked and sorted ("råd" is in all 20,000 agenda items). The
expressions are the SQL Django writes for the kinds' dates (search/kinds.py), in
the project's time zone; tests/search/test_postgres.py checks that the search uses
them. Only the large tables: the others hold a few hundred rows.
"""

from django.conf import settings
from django.db import migrations

from search.indexes import date_index_sql, local_date_sql

# index name → (table, the date column, whether it is a timestamp: its local date).
DATED = {
    # Agenda items (by their meeting's date), meetings and minutes.
    "meeting": ("councils_meeting", "starts_at", True),
    "comment": ("councils_comment", "created_at", True),
    "goal_update": ("policies_goalupdate", "date", False),
    "goal": ("policies_unitgoal", "deadline", False),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, column, timestamp) in DATED.items():
        expression = local_date_sql(column, settings.TIME_ZONE) if timestamp else f'"{column}"'
        schema_editor.execute(date_index_sql(name, table, expression))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in DATED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "search_date_{name}"')


class Migration(migrations.Migration):
    dependencies = [("search", "0002_stored_vectors")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
