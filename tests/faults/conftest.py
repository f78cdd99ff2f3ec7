"""Fixtures for the fault-injection tests: TCP proxies in front of Redis and PostgreSQL.

Nothing here stops or touches the machine's own PostgreSQL or Redis: every fault is made
by the proxy (tests/faults/proxy.py) between the portal and the real service.
"""

import socket

import pytest
from django.db import connection

from portal.cache import redis_caches, reset_circuits
from tests.faults.proxy import FaultProxy

REDIS = ("127.0.0.1", 6379)
# Our own Redis database number: 0/1 belong to the compose stack, 15 to the Celery tests.
REDIS_DB = 9
FALLBACK_TABLE = "portal_cache_fallback"


def _reachable(address) -> bool:
    try:
        socket.create_connection(address, timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_proxy():
    if not _reachable(REDIS):
        pytest.skip("no Redis on 127.0.0.1:6379 (CI always has one)")
    import redis

    redis.Redis(*REDIS, db=REDIS_DB).flushdb()
    with FaultProxy(REDIS) as proxy:
        yield proxy
    redis.Redis(*REDIS, db=REDIS_DB).flushdb()


@pytest.fixture
def redis_cache(redis_proxy, settings, db):
    """The production cache set-up (portal.cache.redis_caches) with Redis behind the proxy."""
    settings.CACHES = redis_caches(
        f"redis://127.0.0.1:{redis_proxy.port}/{REDIS_DB}",
        timeout_ms=settings.PORTAL_REDIS_TIMEOUT_MS,
        retry_seconds=settings.PORTAL_REDIS_RETRY_SECONDS,
        fallback_table=FALLBACK_TABLE,
    )
    reset_circuits()
    _empty_fallback()
    yield redis_proxy
    reset_circuits()
    _empty_fallback()


def _empty_fallback():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(FALLBACK_TABLE)}")


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in the PostgreSQL pass of .ci/run)")
    return connection


@pytest.fixture
def pg_proxy(postgres):
    settings_dict = postgres.settings_dict
    target = (settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432))
    with FaultProxy(target) as proxy:
        yield proxy


@pytest.fixture(autouse=True)
def _readiness_checks_finish():
    """A readiness check left hanging by one test must not count as hanging in the next."""
    yield
    from portal import readiness

    for run in list(readiness._running.values()):
        run.done.wait(10)
