"""Redis down is not the site down: pages, login and rate limiting while Redis refuses or hangs.

Each test puts the production cache set-up (portal.cache.redis_caches) behind a TCP proxy
and then makes the proxy refuse every connection, or accept and never answer.
"""

import logging
import time

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from core.pagecache import HEADER
from tests.accounts.factories import TEST_PASSWORD

# The public pages the page cache serves that take no object in their address.
PUBLIC_PAGES = [
    "home",
    "councils:list",
    "policies:policy_list",
    "policies:overview",
    "actionplans:plan_list",
    "reports:archive",
]
FAULTS = ["refuse", "hang"]
# A request may pay one Redis timeout (0.5 s) before the circuit opens; rendering is the rest.
QUICK = 3.0


def _timed(call, *args, **kwargs):
    started = time.monotonic()
    response = call(*args, **kwargs)
    return response, time.monotonic() - started


@pytest.fixture
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


def _login(client, email, password):
    return _timed(client.post, reverse("account_login"), {"login": email, "password": password})


@pytest.mark.parametrize("fault", FAULTS)
def test_public_pages_answer_without_the_page_cache(world, redis_cache, page_cache_on, fault):
    for name in PUBLIC_PAGES:
        assert Client().get(reverse(name))[HEADER] == "miss"
    getattr(redis_cache, fault)()
    for name in PUBLIC_PAGES:
        response, seconds = _timed(Client().get, reverse(name))
        assert response.status_code == 200, name
        assert seconds < QUICK, (name, seconds)
        # The copy stored before the outage is out of reach, and nothing new is kept.
        assert response.get(HEADER) != "hit", name


@pytest.mark.parametrize("fault", FAULTS)
def test_login_works_with_a_good_password_and_refuses_a_bad_one(world, redis_cache, fault):
    getattr(redis_cache, fault)()
    member = world.users["member"]
    wrong, seconds = _login(Client(), member.email, "not-the-password")
    assert wrong.status_code == 200
    assert seconds < QUICK
    assert wrong.context["form"].errors
    right, seconds = _login(Client(), member.email, TEST_PASSWORD)
    assert right.status_code == 302, right.content[:500]
    assert seconds < QUICK


@pytest.mark.parametrize("fault", FAULTS)
def test_failed_logins_are_still_limited_during_the_outage(world, redis_cache, settings, fault):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/5m/key"}
    getattr(redis_cache, fault)()
    member = world.users["member"]
    for _ in range(3):
        response, _ = _login(Client(), member.email, "not-the-password")
        assert "For mange mislykkede" not in response.content.decode()
    # Another client (as another gunicorn worker would see it): the counter lives in the
    # database cache, not in this process.
    limited, seconds = _login(Client(), member.email, TEST_PASSWORD)
    assert limited.status_code == 200
    assert seconds < QUICK
    assert "For mange mislykkede loginforsøg" in limited.content.decode()
    assert caches["fallback"].get_many([]) == {}  # the fallback answers
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM portal_cache_fallback")
        assert cursor.fetchone()[0] > 0


def test_an_outage_logs_one_warning_per_period_not_one_per_request(
    world, redis_cache, page_cache_on, caplog
):
    redis_cache.refuse()
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        for _ in range(5):
            assert Client().get(reverse("councils:list")).status_code == 200
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1


def test_redis_is_used_again_after_the_retry_period(world, redis_cache, page_cache_on, settings):
    settings.CACHES = {
        alias: {**conf, "OPTIONS": {**conf.get("OPTIONS", {}), "RETRY_SECONDS": 1}}
        if alias != "fallback"
        else conf
        for alias, conf in settings.CACHES.items()
    }
    url = reverse("councils:list")
    redis_cache.hang()
    assert Client().get(url).status_code == 200
    assert caches["default"].degraded
    redis_cache.resume()
    time.sleep(1.1)
    assert Client().get(url)[HEADER] == "miss"
    assert Client().get(url)[HEADER] == "hit"
    assert not caches["default"].degraded


def test_cache_and_broker_use_separate_redis_databases():
    """The compose stack keeps the broker's queue apart from the cache (FLUSHDB of one must
    never lose the other)."""
    import yaml
    from django.conf import settings

    env = yaml.safe_load((settings.BASE_DIR / "docker-compose.yml").read_text())
    env = env["services"]["web"]["environment"]
    assert env["REDIS_URL"].rsplit("/", 1) != env["CELERY_BROKER_URL"].rsplit("/", 1)


def test_settings_refuse_one_redis_database_for_both_cache_and_broker():
    import os
    import subprocess
    import sys

    from django.conf import settings

    same = "redis://127.0.0.1:6379/9"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": "fault-tests-only",
            "PORTAL_MFA_ENCRYPTION_KEY": "fault-tests-only-mfa-key-0123456789abcdef",
            "REDIS_URL": same,
            "CELERY_BROKER_URL": same,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "name the same Redis database" in result.stderr
