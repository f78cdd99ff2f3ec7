"""Logging in for real, with a password and a second factor, as the portal's users do."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from tests.accounts.factories import TEST_PASSWORD


def add_totp(user) -> str:
    """Gives the user an authenticator app (and recovery codes); returns the TOTP secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def recovery_code(user, index=0) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return authenticator.wrap().generate_codes()[index]


def password_step(client, user, next_url=None):
    data = {"login": user.email, "password": TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


def mfa_login(client, user, secret, next_url=None):
    """Password, then the code from the app; returns the response to the code."""
    response = password_step(client, user, next_url)
    assert response["Location"] == reverse("mfa_authenticate"), response
    return client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")
