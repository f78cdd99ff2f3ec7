import sqlite3

from councils.checks import sqlite_returns_rows_from_upserts


def test_an_sqlite_without_returning_is_refused(monkeypatch, settings):
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    errors = sqlite_returns_rows_from_upserts()
    sqlite_in_use = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    assert [error.id for error in errors] == (["councils.E001"] if sqlite_in_use else [])


def test_this_sqlite_is_new_enough():
    assert sqlite_returns_rows_from_upserts() == []
