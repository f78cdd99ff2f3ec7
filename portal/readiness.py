"""Readiness: can this process reach the database, the Redis cache and the Celery broker?

Each check runs in a daemon thread of its own and the answer waits at most
PORTAL_READY_TIMEOUT_MS for all of them together: a check still running then
counts as "timeout". A database that hangs mid-answer could hold its thread for
good, so a check whose earlier thread is still running is not started again but
reported as "timeout" at once: at most one stuck thread per check and process.

The states are fixed words, never an error text: readiness is public and error
texts can name hosts and users.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections

logger = logging.getLogger("portal.readiness")

OK, FAILED, TIMEOUT, NOT_USED = "ok", "failed", "timeout", "not used"


def _check_database(deadline_seconds):
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()


def _ping(url, deadline_seconds):
    import redis

    client = redis.Redis.from_url(
        url, socket_connect_timeout=deadline_seconds, socket_timeout=deadline_seconds
    )
    try:
        client.ping()
    finally:
        client.close()


def _redis_url(url):
    return url if urlsplit(url).scheme in ("redis", "rediss") else None


def checks():
    """The dependencies of this deployment: name → callable(deadline) or None (not used)."""
    cache_url = _redis_url(getattr(settings, "REDIS_URL", "") or "")
    broker_url = None
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        broker_url = _redis_url(settings.CELERY_BROKER_URL)
    return {
        "database": _check_database,
        "cache": (lambda deadline: _ping(cache_url, deadline)) if cache_url else None,
        "broker": (lambda deadline: _ping(broker_url, deadline)) if broker_url else None,
    }


class _Run:
    def __init__(self, name, check, deadline):
        self.name = name
        self.state = None
        self.done = threading.Event()
        self.thread = threading.Thread(
            target=self._run, args=(check, deadline), daemon=True, name=f"readiness-{name}"
        )

    def _run(self, check, deadline):
        try:
            check(deadline)
        except Exception as exc:
            logger.warning("Readiness: %s failed: %s", self.name, exc)
            self.state = FAILED
        else:
            self.state = OK
        finally:
            self.done.set()


_running: dict[str, _Run] = {}
_running_lock = threading.Lock()


def readiness() -> dict[str, str]:
    """Each dependency's state: ok, failed, timeout or not used."""
    deadline = settings.PORTAL_READY_TIMEOUT_MS / 1000
    started = time.monotonic()
    states, runs = {}, {}
    for name, check in checks().items():
        if check is None:
            states[name] = NOT_USED
            continue
        with _running_lock:
            previous = _running.get(name)
            if previous is not None and not previous.done.is_set():
                states[name] = TIMEOUT
                continue
            runs[name] = _running[name] = _Run(name, check, deadline)
        runs[name].thread.start()
    for name, run in runs.items():
        run.done.wait(max(0.0, deadline - (time.monotonic() - started)))
        states[name] = run.state if run.done.is_set() else TIMEOUT
        if states[name] == TIMEOUT:
            logger.warning("Readiness: %s did not answer within %.1f s", name, deadline)
    return {name: states[name] for name in ("database", "cache", "broker")}
