import os

import pytest

from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def administrator(world):
    return world.users["administrator"]


@pytest.fixture
def member(world):
    return world.users["member"]


@pytest.fixture
def outsider(world):
    """A member of another council."""
    return world.users["outsider"]


@pytest.fixture
def secretary(world):
    return world.users["secretary"]


@pytest.fixture
def caseworker(world):
    return world.users["caseworker"]


@pytest.fixture
def other_caseworker(world):
    """A caseworker of another unit."""
    return world.users["other_caseworker"]


def pytest_collection_modifyitems(config, items):
    """Tests marked celery_worker need a real worker: scripts/test-celery-worker.sh runs them."""
    if os.environ.get("PORTAL_CELERY_WORKER") == "1":
        return
    skip = pytest.mark.skip(reason="needs a real Celery worker (scripts/test-celery-worker.sh)")
    for item in items:
        if "celery_worker" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    # The real-worker tests share MEDIA_ROOT with the worker process through the environment.
    if "celery_worker" not in request.keywords:
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_local_caches():
    """Each test starts with empty in-process caches. allauth's login rate limit (30 a minute
    from one address) counts in the cache, so on a fast machine the browser tests' logins
    added up across tests and a later login got "429 Too Many Requests"."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture(autouse=True)
def _data_migration_rows(request):
    """Transactional tests empty every table afterwards, including rows a data migration
    made; put the five focus areas back so every test sees the database as migrated."""
    if not ({"transactional_db", "live_server"} & set(request.fixturenames)):
        marker = request.node.get_closest_marker("django_db")
        if not (marker and marker.kwargs.get("transaction")):
            return
    request.getfixturevalue("transactional_db")
    from importlib import import_module

    from organisation.models import FocusArea

    for number, name in import_module("organisation.migrations.0002_focus_areas").FOCUS_AREAS:
        FocusArea.objects.get_or_create(number=number, defaults={"name": name})
