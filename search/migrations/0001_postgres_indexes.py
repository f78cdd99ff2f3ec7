"""Full-text and trigram indexes for search, on PostgreSQL only (SQLite searches with LIKE).

The columns are frozen here, as every migration must be; tests/search/test_indexes.py
fails when a kind in search/kinds.py searches columns that no migration indexes.
"""

from django.db import migrations

from search.indexes import fts_sql, trigram_sql

# name → (table, {weight: columns}); the same weights as search/kinds.py had then.
INDEXED = {
    "item": (
        "councils_agendaitem",
        {"A": ("title",), "B": ("recommendation", "decision"), "C": ("body",)},
    ),
    "meeting": ("councils_meeting", {"A": ("title",), "C": ("location",)}),
    "minutes": ("councils_meeting", {"B": ("minutes",)}),
    "council": ("councils_council", {"A": ("name",), "B": ("summary",), "C": ("mandate",)}),
    "comment": ("councils_comment", {"B": ("text",)}),
    "policy": (
        "policies_policyversion",
        {
            "A": ("title",),
            "B": ("summary",),
            "C": (
                "why",
                "purpose",
                "vision",
                "unit_duties",
                "user_rights",
                "in_practice",
                "change_note",
            ),
        },
    ),
    "goal": (
        "policies_unitgoal",
        {
            "A": ("title",),
            "B": ("involved_in", "target"),
            "C": ("organisation", "indicator", "primary_users", "secondary_users"),
        },
    ),
    "goal_update": (
        "policies_goalupdate",
        {"B": ("what_was_done", "what_changed"), "C": ("participants",)},
    ),
    "plan": (
        "actionplans_actionplan",
        {
            "A": ("title", "case_number"),
            "B": ("problem", "solution", "decision_text"),
            "C": ("effect", "economy", "next_steps", "related_plan"),
        },
    ),
    "initiative": (
        "actionplans_initiative",
        {"A": ("title",), "B": ("description",), "C": ("fund_name",)},
    ),
    "report": (
        "reports_statusreport",
        {
            "A": ("title",),
            "B": ("background", "status_intro"),
            "C": ("method", "development_projects", "economy", "period"),
        },
    ),
}


def _tables():
    """table → every text column any kind searches in it (one trigram index per table)."""
    tables = {}
    for table, weights in INDEXED.values():
        columns = tables.setdefault(table, [])
        for weight in sorted(weights):
            columns.extend(c for c in weights[weight] if c not in columns)
    return tables


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, weights) in INDEXED.items():
        schema_editor.execute(fts_sql(name, table, weights))
    for table, columns in _tables().items():
        schema_editor.execute(trigram_sql(table, tuple(columns)))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "search_fts_{name}"')
    for table in _tables():
        schema_editor.execute(f'DROP INDEX IF EXISTS "search_trgm_{table}"')


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0001_initial"),
        ("policies", "0002_attachment_original_name"),
        ("actionplans", "0003_history"),
        ("reports", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
