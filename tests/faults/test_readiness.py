"""/readyz/ tells which dependency is down, within its deadline, whatever hangs."""

import time

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from tests.faults.conftest import REDIS_DB

# The deadline (PORTAL_READY_TIMEOUT_MS) plus room for a slow test machine.
MARGIN = 1.5
FAULTS = ["refuse", "hang"]


def _ready():
    started = time.monotonic()
    response = Client().get(reverse("readyz"))
    return response, time.monotonic() - started


@pytest.fixture
def deadline(settings):
    settings.PORTAL_READY_TIMEOUT_MS = 1000
    return 1.0


@pytest.fixture
def broker(redis_proxy, settings):
    """A Celery broker on Redis behind the proxy (the cache stays on another address)."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{redis_proxy.port}/{REDIS_DB + 1}"
    return redis_proxy


def test_healthz_stays_free_of_io(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert Client().get(reverse("healthz")).content == b"ok"


def test_ready_when_every_dependency_answers(db, redis_cache, settings, deadline):
    settings.REDIS_URL = f"redis://127.0.0.1:{redis_cache.port}/{REDIS_DB}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = settings.REDIS_URL.replace(f"/{REDIS_DB}", f"/{REDIS_DB + 1}")
    response, _ = _ready()
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_without_redis_configured_cache_and_broker_are_not_used(db):
    response, _ = _ready()
    assert response.status_code == 200
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "not used",
        "broker": "not used",
    }


@pytest.mark.parametrize("fault", FAULTS)
def test_cache_down_is_named_and_answered_within_the_deadline(
    db, redis_cache, settings, deadline, fault
):
    settings.REDIS_URL = f"redis://127.0.0.1:{redis_cache.port}/{REDIS_DB}"
    getattr(redis_cache, fault)()
    response, seconds = _ready()
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == ("failed" if fault == "refuse" else "timeout")
    assert response.json()["checks"]["database"] == "ok"
    assert seconds < deadline + MARGIN
    assert str(redis_cache.port) not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("fault", FAULTS)
def test_broker_down_is_named_apart_from_the_cache(db, broker, deadline, fault):
    getattr(broker, fault)()
    response, seconds = _ready()
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["broker"] in ("failed", "timeout")
    assert checks["cache"] == "not used"
    assert seconds < deadline + MARGIN


@pytest.mark.parametrize("fault", FAULTS)
def test_database_down_answers_503_within_the_deadline(
    transactional_db, pg_proxy, monkeypatch, deadline, fault
):
    proxied = {**connections.settings["default"], "HOST": "127.0.0.1", "PORT": pg_proxy.port}
    monkeypatch.setitem(connections.settings, "default", proxied)
    first, _ = _ready()
    assert first.json()["checks"]["database"] == "ok"
    getattr(pg_proxy, fault)()
    for _ in range(3):  # again while the first check may still hang: no pile-up, no wait
        response, seconds = _ready()
        assert response.status_code == 503
        assert response.json()["checks"]["database"] in ("failed", "timeout")
        assert seconds < deadline + MARGIN
