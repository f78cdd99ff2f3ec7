"""The error pages speak Danish (and nb/en), in the portal's layout, with DEBUG off."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import connection
from django.test import Client, override_settings
from django.urls import include, path

import portal.urls


def _forbidden(request):
    raise PermissionDenied


def _suspicious(request):
    raise SuspiciousOperation("test")


def _broken(request):
    raise RuntimeError("boom")


def _refuse_queries(execute, sql, params, many, context):
    raise AssertionError("the 500 page must not query the database")


urlpatterns = [
    path("test-403/", _forbidden),
    path("test-400/", _suspicious),
    path("test-500/", _broken),
    path("", include(portal.urls.urlpatterns)),
]
handler400 = portal.urls.handler400
handler403 = portal.urls.handler403
handler404 = portal.urls.handler404
handler500 = portal.urls.handler500

LAYOUT = ('class="portal-header"', "Brugerrådsportalen", "Tilgængelighedserklæring")

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def _assert_layout(response, status, *danish):
    html = response.content.decode()
    assert response.status_code == status
    assert '<html lang="da">' in html
    for part in LAYOUT:
        assert part in html, part
    for text in danish:
        assert text in html, text
    assert html.count("<h1") == 1
    # Django's English defaults are gone.
    for english in ("Not Found", "Forbidden", "Bad Request", "Server Error"):
        assert english not in html
    return html


@override_settings(DEBUG=False)
def test_unknown_address_is_a_danish_404_in_the_layout(client, member):
    _assert_layout(client.get("/findes-ikke/"), 404, "Siden findes ikke", "Log ind")
    client.force_login(member)
    html = _assert_layout(client.get("/findes-ikke/"), 404, "Siden findes ikke")
    assert member.full_name in html  # the full layout, header and all


@override_settings(DEBUG=False)
def test_permission_denied_is_a_danish_403(client):
    _assert_layout(client.get("/test-403/"), 403, "Du har ikke adgang")


@override_settings(DEBUG=False)
def test_suspicious_request_is_a_danish_400(client):
    _assert_layout(client.get("/test-400/"), 400, "Forespørgslen kunne ikke behandles")


@override_settings(DEBUG=False)
def test_unexpected_error_is_a_danish_500_that_says_the_draft_is_kept():
    client = Client(raise_request_exception=False)
    html = _assert_layout(
        client.get("/test-500/"),
        500,
        "Der skete en fejl",
        "er gemt i din browser og bliver sat ind igen",
        "Prøv igen om et øjeblik",
    )
    assert "boom" not in html


@override_settings(DEBUG=False)
def test_the_500_page_renders_without_request_or_database(member):
    from portal.views import server_error

    with connection.execute_wrapper(_refuse_queries):
        response = server_error(None)
    assert response.status_code == 500
    assert "Der skete en fejl" in response.content.decode()


@override_settings(DEBUG=False)
def test_a_stale_form_is_a_danish_403_that_says_what_to_do(world):
    client = Client(enforce_csrf_checks=True)
    html = _assert_layout(
        client.post("/i18n/setlang/", {"language": "en"}),
        403,
        "Siden var for gammel",
        "kopiér det, du har skrevet",
    )
    assert "CSRF verification failed" not in html


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("nb", {"/findes-ikke/": "Siden finnes ikke", "/test-403/": "Du har ikke tilgang"}),
        ("en", {"/findes-ikke/": "Page not found", "/test-403/": "You do not have access"}),
    ],
)
@override_settings(DEBUG=False)
def test_error_pages_follow_the_chosen_language(language, texts):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = language
    for url, text in texts.items():
        html = client.get(url).content.decode()
        assert f'<html lang="{language}">' in html
        assert text in html
