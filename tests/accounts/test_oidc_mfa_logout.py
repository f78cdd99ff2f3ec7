"""A weak provider login, then the portal's own code: the login completes, and logout still
ends the session at the provider."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse

from accounts.mfa import STRONG_LOGIN_SESSION_KEY
from tests.accounts.factories import AdministratorFactory
from tests.accounts.mfa_helpers import add_totp, totp_code
from tests.accounts.oidc_helpers import (
    configure,
    oidc_login,
    oidc_server,  # noqa: F401
    provider_entry,
    set_provider_user,
)

pytestmark = pytest.mark.django_db


def test_weak_provider_login_then_portal_code_then_logout_at_the_provider(
    client,
    settings,
    oidc_server,  # noqa: F811
):
    cache.clear()
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    configure(settings, provider_entry(oidc_server))
    staff = AdministratorFactory(email="leder@kommune.test")
    secret = add_totp(staff)
    set_provider_user(oidc_server, "sub-leder", email=staff.email, email_verified=True)

    assert oidc_login(client, "sub-leder")["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(staff.pk)
    assert STRONG_LOGIN_SESSION_KEY not in client.session
    assert client.get(reverse("admin:index")).status_code == 200
    logout = client.post(reverse("account_logout"))
    assert logout["Location"].startswith(f"{oidc_server}/oauth2/end_session?id_token_hint=")
