import pytest
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permissions.matrix import LOGIN, all_rows
from tests.world import ROLES

ROWS = all_rows()
OWN_PACKAGES = {"portal", *settings.PORTAL_APPS}


def _own_url_names(patterns=None, namespace=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            full = ":".join(p for p in (namespace, ns) if p) or None
            yield from _own_url_names(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern):
            module = getattr(pattern.callback, "__module__", "") or ""
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            if module.split(".")[0] in OWN_PACKAGES and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _admin_url_names():
    for model_admin in admin.site._registry.values():
        for pattern in model_admin.urls:
            if getattr(pattern, "name", None):
                yield f"admin:{pattern.name}"


def _outcome(response):
    if response.status_code in (301, 302):
        logins = (resolve_url(settings.LOGIN_URL), reverse("admin:login"))
        if response["Location"].startswith(logins):
            return LOGIN
    return response.status_code


def test_every_own_url_has_a_row():
    listed = {row.url_name for row in ROWS}
    missing = sorted(set(_own_url_names()) - listed)
    assert not missing, f"URLs without a row in the permission matrix: {missing}"


def test_rows_name_existing_urls():
    # Rows may also cover the Django admin's pages of our models (locked records).
    existing = set(_own_url_names()) | set(_admin_url_names())
    stale = sorted({row.url_name for row in ROWS} - existing)
    assert not stale, f"Matrix rows for URLs that do not exist: {stale}"


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_permission_matrix(row, world, client):
    mismatches = []
    for role in ROLES:
        # Each role acts on the same world; a savepoint undoes whatever it changed.
        with transaction.atomic():
            client.logout()
            user = world.user(role)
            if user is not None:
                client.force_login(user)
            kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
            data = row.data(world) if callable(row.data) else row.data
            url = reverse(row.url_name, kwargs=kwargs)
            response = getattr(client, row.method)(url, data or {})
            got = _outcome(response)
            if got != row.expect[role]:
                mismatches.append(f"{role}: expected {row.expect[role]}, got {got}")
            transaction.set_rollback(True)
    assert not mismatches, f"{row.id} " + "; ".join(mismatches)
