"""PORTAL_OIDC_PROVIDERS: read strictly, so a typo stops the start instead of a silent
misconfiguration."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.oidc_config import form_action_origins, socialaccount_providers

ENTRY = {
    "id": "kommune",
    "name": "Log ind med kommunens login",
    "server_url": "https://login.example/realms/kommune/",
    "client_id": "portal",
    "client_secret": "s3cret",
}


def _apps(*entries):
    return socialaccount_providers(json.dumps(list(entries)))["openid_connect"]["APPS"]


def test_no_setting_means_no_providers():
    assert socialaccount_providers("")["openid_connect"]["APPS"] == []


def test_an_entry_becomes_an_allauth_app_with_pkce_and_the_portal_options():
    (app,) = _apps({**ENTRY, "strong_amr": ["mfa"], "staff": True, "uid_claim": "oid"})
    assert app["provider_id"] == "kommune"
    assert app["name"] == "Log ind med kommunens login"
    assert (app["client_id"], app["secret"]) == ("portal", "s3cret")
    assert app["settings"]["server_url"] == "https://login.example/realms/kommune"
    assert app["settings"]["oauth_pkce_enabled"] is True
    assert app["settings"]["scope"] == ["openid", "email", "profile"]
    assert app["settings"]["uid_field"] == "oid"
    assert app["settings"]["portal"] == {
        "email_claim": "email",
        "email_verified": False,
        "strong_amr": ["mfa"],
        "strong_acr": [],
        "staff": True,
    }


def test_the_provider_class_is_the_portals():
    config = socialaccount_providers("")["openid_connect"]
    assert config["provider_class"] == "accounts.oidc.PortalOIDCProvider"


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        json.dumps({"id": "x"}),
        json.dumps([{**ENTRY, "client_id": ""}]),
        json.dumps([{**ENTRY, "email_verifed": True}]),
        json.dumps([{**ENTRY, "id": "Kommune Login"}]),
        json.dumps([{**ENTRY, "scopes": ["email"]}]),
        json.dumps([{**ENTRY, "email_verified": "yes"}]),
        json.dumps([{**ENTRY, "strong_amr": "mfa"}]),
        json.dumps([ENTRY, ENTRY]),
    ],
    ids=[
        "bad-json",
        "not-a-list",
        "missing-client-id",
        "misspelt-key",
        "bad-id",
        "no-openid-scope",
        "bool-as-text",
        "amr-not-a-list",
        "duplicate-id",
    ],
)
def test_a_bad_setting_stops_the_start(raw):
    with pytest.raises(ImproperlyConfigured, match="PORTAL_OIDC_PROVIDERS"):
        socialaccount_providers(raw)


def test_the_origins_for_csp_form_action_are_the_issuers():
    providers = socialaccount_providers(
        json.dumps(
            [
                ENTRY,
                {**ENTRY, "id": "b", "server_url": "https://login.example/realms/other"},
                {**ENTRY, "id": "c", "server_url": "https://broker.example:8443/x"},
            ]
        )
    )
    assert form_action_origins(providers) == [
        "https://login.example",
        "https://broker.example:8443",
    ]
