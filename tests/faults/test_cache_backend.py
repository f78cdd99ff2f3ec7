"""Every cache operation answers while Redis is down: from the database cache, or as an empty
cache where there is no fallback (the page cache)."""

import time

import pytest
from django.core.cache import caches

FAULTS = ["refuse", "hang"]


@pytest.mark.parametrize("fault", FAULTS)
def test_every_operation_moves_to_the_database_cache(redis_cache, fault):
    cache = caches["default"]
    getattr(redis_cache, fault)()
    started = time.monotonic()
    assert cache.add("a", 1) is True
    assert cache.add("a", 2) is False
    assert cache.get("a") == 1
    cache.set("b", "to")
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": "to"}
    assert cache.has_key("b")
    assert cache.incr("a", 4) == 5
    assert cache.decr("a") == 4
    assert cache.touch("a", 60) is True
    assert cache.set_many({"c": 3, "d": 4}) == []
    assert cache.get_or_set("e", 5) == 5
    assert cache.delete("b") is True
    cache.delete_many(["c", "d"])
    assert cache.get("c", "gone") == "gone"
    assert caches["fallback"].get("a") == 4  # it really is the database cache
    # One timeout at most (0.5 s) before the circuit opens; the rest is database work.
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("fault", FAULTS)
def test_without_a_fallback_the_cache_is_empty_and_keeps_nothing(redis_cache, fault):
    pages = caches["pages"]
    pages.set("page", "<html>")
    assert pages.get("page") == "<html>"
    getattr(redis_cache, fault)()
    assert pages.get("page") is None
    assert pages.get("page", "default") == "default"
    pages.set("new", "x")
    assert pages.get("new") is None
    assert pages.add("new", "x") is False
    assert pages.get_many(["page", "new"]) == {}
    assert pages.set_many({"x": 1}) == ["x"]
    assert pages.has_key("page") is False
    with pytest.raises(ValueError):
        pages.incr("page")
    assert caches["fallback"].get("new") is None


def test_redis_values_are_used_while_redis_answers(redis_cache):
    cache = caches["default"]
    cache.set("k", "redis")
    assert cache.get("k") == "redis"
    assert caches["fallback"].get("k") is None
    assert not cache.degraded
