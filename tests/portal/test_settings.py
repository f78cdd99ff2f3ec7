import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "a-long-and-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "brugerraad.kommune.example",
    "PORTAL_MFA_ENCRYPTION_KEY": "m" * 20 + "a-long-and-random-mfa-encryption-key-0123",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "unused.sqlite3"),
}


def _manage(*args, env):
    secrets = ("DJANGO_", "SECRET_KEY", "PORTAL_MFA_ENCRYPTION_KEY")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(secrets)}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _manage("check", env={"DJANGO_DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_refuses_to_start_without_mfa_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "PORTAL_MFA_ENCRYPTION_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "PORTAL_MFA_ENCRYPTION_KEY is not set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_a_bad_boolean_fails_loudly():
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("off", False), ("", False)]
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    from portal.env import env_bool

    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG", default=not expected) is expected


def test_env_list_splits_on_commas(monkeypatch):
    from portal.env import env_list

    monkeypatch.setenv("X_LIST", "a.example, b.example,,")
    assert env_list("X_LIST") == ["a.example", "b.example"]


def test_defaults_are_danish_copenhagen_and_eager_celery(settings):
    assert settings.LANGUAGE_CODE == "da"
    assert [code for code, _ in settings.LANGUAGES] == ["da", "nb", "en"]
    assert settings.TIME_ZONE == "Europe/Copenhagen"
    if not os.environ.get("CELERY_BROKER_URL"):
        assert settings.CELERY_TASK_ALWAYS_EAGER is True
