"""Second-factor secrets are never shown in the admin and are stored encrypted."""

import json
import runpy
from importlib import import_module

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from accounts.mfa import decrypt_secret, encrypt_secret
from tests.accounts.factories import AdministratorFactory, UserFactory
from tests.accounts.mfa_helpers import add_totp, mfa_login, recovery_code

pytestmark = pytest.mark.django_db

MIGRATION = import_module("accounts.migrations.0003_encrypt_mfa_secrets_and_sync_email")


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _raw_data(authenticator) -> str:
    table = Authenticator._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT data FROM {table} WHERE id = %s", [authenticator.pk])  # noqa: S608
        (raw,) = cursor.fetchone()
    return raw if isinstance(raw, str) else json.dumps(raw)


@pytest.fixture
def admin_client(client, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(AdministratorFactory())
    return client


def test_the_admin_never_shows_a_secret(admin_client):
    user = UserFactory()
    secret = add_totp(user)
    seed = decrypt_secret(Authenticator.objects.get(user=user, type="recovery_codes").data["seed"])
    pages = [reverse("admin:mfa_authenticator_changelist")]
    for authenticator in Authenticator.objects.filter(user=user):
        pages.append(reverse("admin:mfa_authenticator_change", args=[authenticator.pk]))
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert secret not in html
        assert seed not in html
        assert "fernet:" not in html
        assert 'name="data"' not in html
        assert "secret" not in html.lower()
        assert user.full_name in html


def test_the_admin_cannot_add_or_edit_an_authenticator(admin_client):
    user = UserFactory()
    add_totp(user)
    totp = Authenticator.objects.get(user=user, type="totp")
    before = totp.data
    assert admin_client.get(reverse("admin:mfa_authenticator_add")).status_code == 403
    admin_client.post(
        reverse("admin:mfa_authenticator_change", args=[totp.pk]),
        {"user": user.pk, "type": "totp", "data": '{"secret": "AAAA"}'},
    )
    totp.refresh_from_db()
    assert totp.data == before


def test_deleting_the_app_resets_the_users_second_factor(admin_client):
    user = UserFactory()
    add_totp(user)
    totp = Authenticator.objects.get(user=user, type="totp")
    page = admin_client.get(reverse("admin:mfa_authenticator_changelist"))
    assert "mistet sin telefon" in page.content.decode()
    response = admin_client.post(
        reverse("admin:mfa_authenticator_delete", args=[totp.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    # The recovery codes go with it: nothing is left that would still ask for a code.
    assert not Authenticator.objects.filter(user=user).exists()


def test_secrets_are_encrypted_in_the_database_and_totp_still_works(client):
    user = UserFactory()
    secret = add_totp(user)
    seed = decrypt_secret(Authenticator.objects.get(user=user, type="recovery_codes").data["seed"])
    for authenticator in Authenticator.objects.filter(user=user):
        raw = _raw_data(authenticator)
        assert secret not in raw
        assert seed not in raw
        assert "fernet:" in raw
    response = mfa_login(client, user, secret)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_migration_encrypts_existing_secrets_once(client):
    user = UserFactory()
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    seed = "ab" * 40
    totp = Authenticator.objects.create(user=user, type="totp", data={"secret": secret})
    codes = Authenticator.objects.create(
        user=user,
        type="recovery_codes",
        data={"seed": seed, "used_mask": 0, "migrated_codes": ["12345678"]},
    )
    assert secret in _raw_data(totp)
    MIGRATION.encrypt_secrets(apps, None)
    first = {a.pk: _raw_data(a) for a in (totp, codes)}
    MIGRATION.encrypt_secrets(apps, None)  # idempotent: already encrypted values are skipped
    assert first == {a.pk: _raw_data(a) for a in (totp, codes)}
    assert secret not in first[totp.pk]
    assert seed not in first[codes.pk]
    assert "12345678" not in first[codes.pk]
    codes.refresh_from_db()
    assert decrypt_secret(codes.data["seed"]) == seed
    assert recovery_code(user, 0) == "12345678"
    response = mfa_login(client, user, secret)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_keys_can_be_rotated(settings):
    settings.PORTAL_MFA_ENCRYPTION_KEYS = ["old-key-old-key-old-key-old-key-old-key"]
    user = UserFactory()
    secret = add_totp(user)
    settings.PORTAL_MFA_ENCRYPTION_KEYS = [
        "new-key-new-key-new-key-new-key-new-key",
        "old-key-old-key-old-key-old-key-old-key",
    ]
    totp = Authenticator.objects.get(user=user, type="totp")
    assert decrypt_secret(totp.data["secret"]) == secret
    call_command("rotate_mfa_encryption", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.PORTAL_MFA_ENCRYPTION_KEYS = ["new-key-new-key-new-key-new-key-new-key"]
    totp.refresh_from_db()
    assert decrypt_secret(totp.data["secret"]) == secret


def test_a_wrong_key_fails_loudly(settings):
    value = encrypt_secret("JBSWY3DPEHPK3PXP")
    settings.PORTAL_MFA_ENCRYPTION_KEYS = ["another-key-another-key-another-key-0"]
    with pytest.raises(ImproperlyConfigured, match="PORTAL_MFA_ENCRYPTION_KEY"):
        decrypt_secret(value)


def _settings_namespace(monkeypatch, **env):
    for name in ("PORTAL_MFA_ENCRYPTION_KEY", "PORTAL_BEHIND_TLS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(django_settings.BASE_DIR / "portal" / "settings.py"))


def test_debug_derives_a_development_key(monkeypatch):
    namespace = _settings_namespace(monkeypatch, DJANGO_DEBUG="true")
    assert namespace["PORTAL_MFA_ENCRYPTION_KEYS"]


def test_no_key_with_debug_off_refuses_to_start(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="PORTAL_MFA_ENCRYPTION_KEY is not set"):
        _settings_namespace(monkeypatch, DJANGO_DEBUG="false")
