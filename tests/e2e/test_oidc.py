"""Logging in through a real OpenID Connect provider in Chromium."""

import pytest

from tests.accounts.oidc_helpers import (
    configure,
    oidc_server,  # noqa: F401
    provider_entry,
    set_provider_user,
)
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def provider(settings, oidc_server):  # noqa: F811
    configure(
        settings,
        provider_entry(oidc_server),
        provider_entry(oidc_server, id="mitid", name="Log ind med MitID", staff=False),
    )
    return oidc_server


def _sign_in_at_provider(page, sub):
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_load_state()


def test_member_logs_in_with_mitid_and_lands_on_the_start_page(page, provider, member):
    set_provider_user(provider, "mitid-member", email=member.email, email_verified=True)
    page.goto("/konto/login/")
    page.get_by_role("button", name="Log ind med MitID").click()
    assert page.url.startswith(provider)
    _sign_in_at_provider(page, "mitid-member")
    assert page.evaluate("location.pathname") == "/"
    assert member.full_name in page.locator("header").inner_text()


def test_login_page_with_providers_is_accessible(page, provider):
    page.goto("/konto/login/")
    assert page.get_by_role("button", name="Log ind med kommunens login").is_visible()
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_the_refusal_page_is_accessible(page, provider):
    set_provider_user(provider, "stranger", email="stranger@test.example", email_verified=True)
    page.goto("/konto/login/")
    page.get_by_role("button", name="Log ind med MitID").click()
    _sign_in_at_provider(page, "stranger")
    assert "Du kan ikke logge ind endnu" in page.locator("h1").inner_text()
    assert_accessible(page)


def test_the_connections_page_is_accessible(page, login, provider, member):
    login(member)
    page.goto("/konto/3rdparty/")
    assert page.get_by_role("button", name="Tilknyt: Log ind med MitID").is_visible()
    assert_accessible(page)
