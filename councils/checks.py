"""System checks of what the councils app needs from its database."""

import sqlite3

from django.core import checks
from django.db import connections


@checks.register(checks.Tags.compatibility)
def sqlite_returns_rows_from_upserts(app_configs=None, **kwargs):
    """``mark_meeting_opened`` reads the previous mark with ``INSERT … RETURNING`` (SQLite 3.35)."""
    errors = []
    for alias in connections:
        if connections[alias].vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
            errors.append(
                checks.Error(
                    f"SQLite {sqlite3.sqlite_version} is too old for the portal: it needs 3.35 "
                    "or newer (INSERT … RETURNING). Use a newer SQLite or PostgreSQL.",
                    id="councils.E001",
                )
            )
    return errors
