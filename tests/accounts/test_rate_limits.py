"""Login rate limits behind the TLS proxy, and what a locked-out person is told."""

import runpy
import uuid

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts.adapter import lockout_window_text
from tests.accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOCKED = "For mange mislykkede loginforsøg"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _login(client, email, password, forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def _settings(monkeypatch, **env):
    monkeypatch.setenv("DJANGO_DEBUG", "true")
    for name in ("PORTAL_BEHIND_TLS_PROXY", "PORTAL_TRUSTED_PROXY_COUNT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(django_settings.BASE_DIR / "portal" / "settings.py"))


def test_behind_the_proxy_one_proxy_is_trusted_by_default(monkeypatch):
    assert (
        _settings(monkeypatch, PORTAL_BEHIND_TLS_PROXY="true")["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
    )
    assert _settings(monkeypatch)["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    assert (
        _settings(monkeypatch, PORTAL_BEHIND_TLS_PROXY="true", PORTAL_TRUSTED_PROXY_COUNT="2")[
            "ALLAUTH_TRUSTED_PROXY_COUNT"
        ]
        == 2
    )


def test_one_address_guessing_does_not_lock_out_everyone_behind_the_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    user = UserFactory()
    attacker = "203.0.113.5"
    # The client may put anything in front; only the entry our proxy appended is trusted.
    for _ in range(11):
        _login(client, f"{uuid.uuid4().hex}@test.example", "forkert", f"10.0.0.1, {attacker}")
    blocked = _login(client, user.email, TEST_PASSWORD, f"198.51.100.9, {attacker}")
    assert LOCKED in blocked.content.decode()
    response = _login(client, user.email, TEST_PASSWORD, "198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_locked_out_person_is_told_how_long_from_the_configured_rate(client, settings):
    user = UserFactory()
    for rate, expected in [
        ("10/m/ip,5/5m/key", "Vent 5 minutter"),
        ("10/m/ip,3/2m/key", "Vent 2 minutter"),
        ("3/30s/key", "Vent 30 sekunder"),
    ]:
        cache.clear()
        settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": rate}
        assert expected.removeprefix("Vent ") == lockout_window_text()
        for _ in range(5):
            _login(client, user.email, "forkert")
        response = _login(client, user.email, TEST_PASSWORD)
        assert f"{LOCKED}. {expected}, og prøv igen" in response.content.decode()
        assert "Glemt adgangskode?" in response.content.decode()


def test_a_locked_out_person_can_reset_the_password_and_log_in(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory()
    for _ in range(6):
        _login(client, user.email, "forkert")
    assert LOCKED in _login(client, user.email, TEST_PASSWORD).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/key/" in line)
    path = link.strip().replace("http://testserver", "")
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    new_password = "Et-nyt-kodeord-efter-laas-9"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    response = _login(client, user.email, new_password)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_another_host_name_does_not_give_fresh_attempts(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    user = UserFactory()
    for _ in range(5):
        _login(client, user.email, "forkert")
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": TEST_PASSWORD},
        HTTP_HOST="other.example",
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert LOCKED in response.content.decode()
