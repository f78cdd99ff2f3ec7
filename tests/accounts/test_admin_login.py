"""The Django admin has no login of its own: one login, one second factor."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.accounts.factories import TEST_PASSWORD, AdministratorFactory, UserFactory
from tests.accounts.mfa_helpers import add_totp, logged_in_user_id, mfa_login

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = True


def _members_only_urls():
    return [reverse("admin:index"), reverse("councils:calendar")]


def test_admin_login_page_sends_people_to_the_portal_login(client):
    response = client.get(ADMIN_LOGIN + "?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=%2Fadmin%2F" in response["Location"]


def test_posting_the_password_to_the_admin_login_logs_nobody_in(client, mfa_required):
    administrator = AdministratorFactory()
    add_totp(administrator)
    response = client.post(
        ADMIN_LOGIN, {"username": administrator.email, "password": TEST_PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert logged_in_user_id(client) is None
    for url in _members_only_urls():
        page = client.get(url)
        assert page.status_code == 302, url
        assert reverse("account_login") in page["Location"] or ADMIN_LOGIN in page["Location"]


def test_wrong_passwords_at_the_admin_login_cannot_bypass_the_rate_limit(client):
    administrator = AdministratorFactory()
    for _ in range(25):
        response = client.post(
            ADMIN_LOGIN, {"username": administrator.email, "password": "forkert"}
        )
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    # Guessing happens at the portal login only, and that one locks after five tries.
    for _ in range(5):
        client.post(reverse("account_login"), {"login": administrator.email, "password": "forkert"})
    response = client.post(
        reverse("account_login"), {"login": administrator.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    assert "For mange mislykkede loginforsøg" in response.content.decode()
    assert logged_in_user_id(client) is None


def test_administrator_reaches_the_admin_through_the_portal_login_and_totp(client, mfa_required):
    administrator = AdministratorFactory()
    secret = add_totp(administrator)
    response = mfa_login(client, administrator, secret, next_url="/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_logged_in_non_staff_get_no_admin_login(client):
    client.force_login(UserFactory())
    assert client.get(ADMIN_LOGIN).status_code == 403
