"""The one code path that may delete access-log entries: the retention job's."""

import threading
from contextlib import contextmanager

from django.db import connection, transaction

_state = threading.local()


class AccessLogIsAppendOnly(Exception):
    pass


def retention_is_active() -> bool:
    return getattr(_state, "active", False)


@contextmanager
def retention_deletion():
    """Inside this block (one transaction) access-log entries may be deleted. On PostgreSQL
    the trigger checks the transaction-local setting ``portal.retention``."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL portal.retention = 'on'")
        _state.active = True
        try:
            yield
        finally:
            _state.active = False
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL portal.retention = 'off'")
