"""Point 5 on PostgreSQL: the database refuses to change the access log, and deletes only
inside the retention job's transaction."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AccessLog
from audit.retention import retention_deletion
from tests.audit.test_access_log import _entry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL trigger"),
]


def _raw(sql, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_raw_update_and_delete_are_refused(world):
    entry = _entry(world)
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("UPDATE audit_accesslog SET object_repr = 'x' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM audit_accesslog WHERE id = %s", [entry.pk])
    # A session setting made outside the retention path's transaction does not last.
    _raw("SET portal.retention = 'off'")
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM audit_accesslog")
    assert AccessLog.objects.get().object_repr == "møde #1"


def test_raw_update_is_refused_even_during_retention(world):
    entry = _entry(world)
    with pytest.raises(DatabaseError, match="append-only"), retention_deletion():
        _raw("UPDATE audit_accesslog SET object_repr = 'x' WHERE id = %s", [entry.pk])


def test_the_retention_path_deletes(world):
    _entry(world)
    with retention_deletion():
        _raw("DELETE FROM audit_accesslog")
    assert AccessLog.objects.count() == 0
    # And afterwards the guard holds again.
    _entry(world)
    with pytest.raises(DatabaseError, match="append-only"):
        _raw("DELETE FROM audit_accesslog")
