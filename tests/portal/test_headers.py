"""Every page of the permission matrix, as every role: CSP, Permissions-Policy, no-store,
and HTML the CSP does not have to block (no inline script, handler or style)."""

from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from core.pagecache import PUBLIC_PAGES
from tests.permissions.matrix import all_rows
from tests.world import ROLES

GET_ROWS = [row for row in all_rows() if row.method == "get"]
DATA_TYPES = {"application/json", "application/ld+json", "text/template"}


class _InlineCode(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would refuse."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "style":
                self.found.append(f"<{tag} style=…>")
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in DATA_TYPES:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")


def inline_code(html: str) -> list[str]:
    parser = _InlineCode()
    parser.feed(html)
    return parser.found


def assert_security_headers(response):
    csp = response.get("Content-Security-Policy", "")
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "img-src 'self' data:",
    ):
        assert directive in csp, f"CSP lacks {directive!r}: {csp!r}"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    policy = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy, f"Permissions-Policy lacks {feature}: {policy!r}"


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("row", GET_ROWS, ids=[row.id for row in GET_ROWS])
def test_every_page_for_every_role_has_the_headers_and_no_inline_code(row, world, client):
    problems = []
    for role in ROLES:
        with transaction.atomic():
            client.logout()
            user = world.user(role)
            if user is not None:
                client.force_login(user)
            kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
            data = row.data(world) if callable(row.data) else row.data
            response = client.get(reverse(row.url_name, kwargs=kwargs), data or {})
            try:
                assert_security_headers(response)
            except AssertionError as error:
                problems.append(f"{role}: {error}")
            # Anonymous visitors may keep the public pages and what a view marks public.
            public = user is None and (
                (row.url_name in PUBLIC_PAGES and response.status_code == 200)
                or "public" in response.get("Cache-Control", "")
            )
            if not public and not _no_store(response):
                problems.append(
                    f"{role}: {response.status_code} without no-store "
                    f"(Cache-Control: {response.get('Cache-Control')!r})"
                )
            if response.get("Content-Type", "").startswith("text/html") and not getattr(
                response, "streaming", False
            ):
                found = inline_code(response.content.decode())
                if found:
                    problems.append(f"{role}: inline code the CSP blocks: {sorted(set(found))}")
            transaction.set_rollback(True)
    assert not problems, f"{row.id}: " + "; ".join(problems)


def test_the_walk_covers_every_app():
    apps = {row.url_name.split(":")[0] for row in GET_ROWS if ":" in row.url_name}
    assert {"councils", "policies", "actionplans", "reports"} <= apps


@pytest.mark.django_db
def test_anonymous_public_pages_stay_cacheable(world, client):
    for name in ("home", "councils:list", "policies:policy_list", "reports:archive"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert not _no_store(response), name
        assert_security_headers(response)


@pytest.mark.django_db
def test_public_pages_are_no_store_for_logged_in_users(world, client, member):
    client.force_login(member)
    for name in ("home", "councils:list", "policies:policy_list", "reports:archive"):
        response = client.get(reverse(name))
        assert _no_store(response), name
        assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_view_marked_public_stays_public_only_for_anonymous_visitors(world, client, member):
    url = reverse("councils:council_feed", kwargs={"pk": world["council"].pk})
    assert client.get(url)["Cache-Control"] == "public, max-age=900"
    client.force_login(member)
    assert _no_store(client.get(url))


@pytest.mark.django_db
def test_error_answers_and_login_carry_the_headers(client):
    for url in ("/findes-ikke/", reverse("account_login")):
        response = client.get(url)
        assert_security_headers(response)
        assert _no_store(response), url
    assert not inline_code(client.get(reverse("account_login")).content.decode())


def test_static_files_carry_the_policies_and_keep_their_caching():
    response = Client().get("/static/css/portal.css")
    assert response.status_code == 200
    assert "camera=()" in response["Permissions-Policy"]
    assert "Content-Security-Policy" in response
    assert not _no_store(response)


def test_the_inline_code_finder_finds_what_the_csp_blocks():
    html = (
        '<script>alert(1)</script><script src="/a.js"></script>'
        '<script type="application/json">{}</script>'
        '<button onclick="x()">b</button><div style="width:1px"></div><style>p{}</style>'
    )
    assert sorted(inline_code(html)) == sorted(
        ["<script> without src", "<button onclick=…>", "<div style=…>", "<style> element"]
    )


def test_htmx_is_told_not_to_inject_styles_or_eval():
    from pathlib import Path

    base = (Path(__file__).resolve().parents[2] / "templates" / "base.html").read_text()
    assert '"includeIndicatorStyles": false' in base
    assert '"allowEval": false' in base


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "administrator"])
def test_account_and_admin_pages_have_the_headers_and_no_inline_code(world, client, role):
    """Pages of allauth and the Django admin are not in the matrix; they obey the CSP too."""
    user = world.users[role]
    client.force_login(user)
    urls = [
        reverse(name)
        for name in (
            "account_change_password",
            "account_email",
            "account_logout",
            "mfa_index",
        )
    ]
    if role == "administrator":
        urls += [
            reverse("admin:index"),
            reverse("admin:accounts_user_changelist"),
            reverse("admin:accounts_user_change", args=[world.users["member"].pk]),
        ]
    shown = 0
    for url in urls:
        response = client.get(url)
        assert_security_headers(response)
        assert _no_store(response), url
        # Other rules (MFA, who may change an e-mail address) may send the user elsewhere.
        if response.status_code == 200:
            shown += 1
            assert not inline_code(response.content.decode()), url
    assert shown >= 2
