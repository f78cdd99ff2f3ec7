"""Reads the OpenID Connect providers from ``PORTAL_OIDC_PROVIDERS`` (a JSON list).

Imported by ``portal/settings.py``, so it must not import models or anything that needs
Django set up. The result is allauth's ``SOCIALACCOUNT_PROVIDERS``; the portal's own options
per provider (e-mail claim, strong-login values, staff provider) travel in each app's
``settings["portal"]`` and are read back with ``portal_options(app)``.
"""

import json
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

PROVIDER_CLASS = "accounts.oidc.PortalOIDCProvider"
DEFAULT_SCOPES = ["openid", "email", "profile"]

_REQUIRED = ("id", "name", "server_url", "client_id")
_KNOWN = {
    *_REQUIRED,
    "client_secret",
    "scopes",
    "email_claim",
    "email_verified",
    "uid_claim",
    "strong_amr",
    "strong_acr",
    "staff",
    "auth_params",
}
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def _fail(message: str):
    raise ImproperlyConfigured(f"PORTAL_OIDC_PROVIDERS: {message}")


def _string_list(entry: dict, key: str, default: list[str]) -> list[str]:
    value = entry.get(key, default)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        _fail(f"{entry.get('id')}: {key} must be a list of strings.")
    return list(value)


def _bool(entry: dict, key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        _fail(f"{entry.get('id')}: {key} must be true or false.")
    return value


def app_from_entry(entry: dict) -> dict:
    """One allauth app (``SOCIALACCOUNT_PROVIDERS[...]["APPS"]`` item) from one entry."""
    if not isinstance(entry, dict):
        _fail("every provider must be a JSON object.")
    missing = [key for key in _REQUIRED if not entry.get(key)]
    if missing:
        _fail(f"a provider lacks {', '.join(missing)}.")
    unknown = sorted(set(entry) - _KNOWN)
    if unknown:
        _fail(f"{entry['id']}: unknown keys {', '.join(unknown)}.")
    if not _ID.match(entry["id"]):
        _fail(f"id {entry['id']!r} must be lower-case letters, digits, '-' or '_'.")
    scopes = _string_list(entry, "scopes", DEFAULT_SCOPES)
    if "openid" not in scopes:
        _fail(f"{entry['id']}: scopes must include openid.")
    auth_params = entry.get("auth_params", {})
    if not isinstance(auth_params, dict):
        _fail(f"{entry['id']}: auth_params must be a JSON object.")
    return {
        "provider_id": entry["id"],
        "name": entry["name"],
        "client_id": entry["client_id"],
        "secret": entry.get("client_secret", ""),
        "settings": {
            "server_url": entry["server_url"].rstrip("/"),
            # Authorization code flow with PKCE, always.
            "oauth_pkce_enabled": True,
            "scope": scopes,
            "auth_params": {str(k): str(v) for k, v in auth_params.items()},
            "uid_field": entry.get("uid_claim", "sub"),
            "portal": {
                "email_claim": entry.get("email_claim", "email"),
                "email_verified": _bool(entry, "email_verified"),
                "strong_amr": _string_list(entry, "strong_amr", []),
                "strong_acr": _string_list(entry, "strong_acr", []),
                "staff": _bool(entry, "staff"),
            },
        },
    }


def socialaccount_providers(raw: str) -> dict:
    """``SOCIALACCOUNT_PROVIDERS`` for the JSON text of ``PORTAL_OIDC_PROVIDERS``."""
    entries = []
    if raw.strip():
        try:
            entries = json.loads(raw)
        except json.JSONDecodeError as exc:
            _fail(f"not valid JSON ({exc}).")
        if not isinstance(entries, list):
            _fail("must be a JSON list of providers.")
    apps = [app_from_entry(entry) for entry in entries]
    ids = [app["provider_id"] for app in apps]
    if len(ids) != len(set(ids)):
        _fail("two providers have the same id.")
    return {
        "openid_connect": {
            "provider_class": PROVIDER_CLASS,
            "OAUTH_PKCE_ENABLED": True,
            "APPS": apps,
        }
    }


def portal_options(app) -> dict:
    """The portal's options of a SocialApp built from the settings."""
    return (app.settings or {}).get("portal", {})


def form_action_origins(providers: dict) -> list[str]:
    """Origins of the configured issuers: a strict Content-Security-Policy must allow them in
    ``form-action``, since the login button's POST (and the logout) redirect there."""
    origins = []
    for app in providers.get("openid_connect", {}).get("APPS", []):
        parts = urlsplit(app["settings"]["server_url"])
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins
