"""A Redis cache that keeps the site up when Redis is unreachable or hangs.

Redis holds only what can be rebuilt (the anonymous page cache) or what may
briefly move elsewhere (allauth's login rate-limit counters), so an outage must
not turn into 500s. Every call to Redis gets a short connect and read timeout
(PORTAL_REDIS_TIMEOUT). When a call fails with a connection error or a timeout
the circuit opens: for PORTAL_REDIS_RETRY_SECONDS every call goes to the
FALLBACK cache alias (the database cache, shared by every gunicorn worker, so
rate limiting keeps limiting), or, for an alias without a fallback (the page
cache), behaves as an empty cache that stores nothing. Then the next call tries
Redis again. One warning is logged each time the circuit opens, so a long outage
logs once per period per process, not once per request.

The circuit is kept per Redis location and process and shared by every alias
and thread that uses the location: Django builds a cache object per thread.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.cache")

# What an unreachable or hanging Redis raises (redis-py wraps socket errors; OSError for safety).
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


class Circuit:
    def __init__(self, location: str):
        self.location = location
        self.open_until = 0.0
        self.down = False
        self._lock = threading.Lock()

    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, exc: Exception, retry_seconds: float, fallback: str | None) -> None:
        with self._lock:
            was_open = self.is_open()
            self.open_until = time.monotonic() + retry_seconds
            self.down = True
        if not was_open:
            logger.warning(
                "Redis cache unreachable (%s); using %s for %.0f s before trying again",
                type(exc).__name__,
                f"the {fallback!r} cache" if fallback else "no cache",
                retry_seconds,
            )

    def succeeded(self) -> None:
        if self.down:
            with self._lock:
                self.down = False
            logger.warning("Redis cache reachable again")

    def reset(self) -> None:
        with self._lock:
            self.open_until = 0.0
            self.down = False


_circuits: dict[str, Circuit] = {}
_circuits_lock = threading.Lock()


def circuit_for(location: str) -> Circuit:
    with _circuits_lock:
        return _circuits.setdefault(location, Circuit(location))


def reset_circuits() -> None:
    """Closes every circuit (tests; and after an operator has fixed Redis, if impatient)."""
    with _circuits_lock:
        for circuit in _circuits.values():
            circuit.reset()


def _get_default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


# What each call answers when Redis is down and there is no fallback: an empty cache
# that keeps nothing.
_EMPTY_ANSWERS = {
    "add": lambda args, kwargs: False,
    "get": _get_default,
    "set": lambda args, kwargs: None,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "set_many": lambda args, kwargs: list(args[0]) if args else [],
    "delete_many": lambda args, kwargs: None,
    "clear": lambda args, kwargs: None,
}


class ResilientRedisCache(RedisCache):
    """RedisCache with short timeouts and a circuit breaker over a fallback cache.

    OPTIONS (besides redis-py's own): FALLBACK (a cache alias or None), RETRY_SECONDS,
    TIMEOUT_SECONDS (socket connect and read timeout).
    """

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.fallback_alias = options.pop("FALLBACK", None)
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 30))
        timeout = float(options.pop("TIMEOUT_SECONDS", 0.5))
        options.setdefault("socket_connect_timeout", timeout)
        options.setdefault("socket_timeout", timeout)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.circuit = circuit_for(server if isinstance(server, str) else ",".join(server))

    @property
    def degraded(self) -> bool:
        return self.circuit.is_open()

    def _fall_back(self, name, args, kwargs):
        if self.fallback_alias:
            return getattr(caches[self.fallback_alias], name)(*args, **kwargs)
        if name == "incr":
            raise ValueError("Key not found (Redis unreachable, no fallback cache).")
        return _EMPTY_ANSWERS[name](args, kwargs)


def _guarded(name):
    redis_call = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        if self.circuit.is_open():
            return self._fall_back(name, args, kwargs)
        try:
            result = redis_call(self, *args, **kwargs)
        except REDIS_DOWN as exc:
            self.circuit.trip(exc, self.retry_seconds, self.fallback_alias)
            return self._fall_back(name, args, kwargs)
        self.circuit.succeeded()
        return result

    call.__name__ = name
    call.__doc__ = redis_call.__doc__
    return call


for _name in [*_EMPTY_ANSWERS, "incr"]:
    setattr(ResilientRedisCache, _name, _guarded(_name))


def redis_caches(url: str, *, timeout_ms: int, retry_seconds: int, fallback_table: str) -> dict:
    """settings.CACHES for a deployment with Redis (also used by the fault-injection tests)."""
    options = {"TIMEOUT_SECONDS": timeout_ms / 1000, "RETRY_SECONDS": retry_seconds}
    backend = "portal.cache.ResilientRedisCache"
    return {
        "default": {
            "BACKEND": backend,
            "LOCATION": url,
            "OPTIONS": {**options, "FALLBACK": "fallback"},
        },
        # The anonymous page cache: without Redis it is simply off (core/pagecache.py).
        "pages": {"BACKEND": backend, "LOCATION": url, "OPTIONS": {**options, "FALLBACK": None}},
        # Shared by every gunicorn worker, so login rate limits keep limiting during an outage.
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": fallback_table,
            "OPTIONS": {"MAX_ENTRIES": 10000},
        },
    }
