"""A real OpenID Connect provider (oidc-provider-mock, Flask on a thread) and the steps of a
login through it. Nothing on the HTTP layer is mocked: the portal fetches discovery, keys,
tokens and userinfo from the running provider.

``tampering_proxy`` sits in front of the provider and alters what it sends, to show that
the portal refuses it.
"""

import base64
import json
import threading
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import werkzeug.serving
from django.urls import reverse
from oidc_provider_mock import run_server_in_thread
from werkzeug.wrappers import Request, Response

from accounts.oidc_config import socialaccount_providers

CLIENT_ID = "portal-test-client"


@pytest.fixture(scope="session")
def oidc_server():
    with run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


def provider_entry(server_url, **overrides):
    entry = {
        "id": "kommune",
        "name": "Log ind med kommunens login",
        "server_url": server_url,
        "client_id": CLIENT_ID,
        "client_secret": "test-secret",
        "email_verified": True,
        "strong_amr": ["mfa"],
        "strong_acr": ["https://data.gov.dk/concept/core/nsis/loa/Substantial"],
        "staff": True,
    }
    entry.update(overrides)
    return entry


def configure(settings, *entries):
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(json.dumps(list(entries)))


def set_provider_user(server_url, sub, **claims):
    """The person as the provider knows them (claims go into the ID token)."""
    httpx.put(f"{server_url}/users/{sub}", json=claims).raise_for_status()


def start(client, provider_id="kommune", process="login", **extra):
    """Presses the button: returns the authorization URL at the provider."""
    response = client.post(
        reverse("openid_connect_login", kwargs={"provider_id": provider_id}),
        {"process": process, **extra},
    )
    assert response.status_code == 302, response
    return response["Location"]


def authorize(authorize_url, sub):
    """The person signs in at the provider; returns the callback path with its query."""
    response = httpx.post(authorize_url, data={"sub": sub})
    assert response.status_code == 302, response.text
    callback = urlsplit(response.headers["location"])
    return f"{callback.path}?{callback.query}"


def oidc_login(client, sub, provider_id="kommune", process="login"):
    """The whole code flow; returns the portal's response to the callback."""
    return client.get(authorize(start(client, provider_id, process), sub))


def query(url) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def tamper_claims(id_token: str, **changes) -> str:
    """The same header and signature over a changed payload."""
    header, payload, signature = id_token.split(".")
    claims = json.loads(_unb64(payload))
    claims.update(changes)
    return ".".join([header, _b64(json.dumps(claims).encode()), signature])


@contextmanager
def tampering_proxy(upstream, *, token_changes=None, authorize_changes=None):
    """A second server in front of ``upstream`` (at its own address, which becomes the
    issuer). It alters the ID token in token responses (``token_changes``) or the
    parameters of the authorization request (``authorize_changes``)."""

    @Request.application
    def app(request):
        params = dict(request.args)
        if request.path == "/oauth2/authorize" and authorize_changes:
            params.update(authorize_changes)
        upstream_response = httpx.request(
            request.method,
            upstream + request.path,
            params=params,
            content=request.get_data(),
            headers={
                key: value
                for key, value in request.headers.items()
                if key.lower() not in {"content-length", "transfer-encoding"}
            },
            follow_redirects=False,
        )
        body = upstream_response.content
        if request.path == "/oauth2/token" and token_changes:
            data = json.loads(body)
            data["id_token"] = tamper_claims(data["id_token"], **token_changes)
            body = json.dumps(data).encode()
        headers = {
            key: value
            for key, value in upstream_response.headers.items()
            if key.lower() not in {"content-length", "transfer-encoding", "content-encoding"}
        }
        return Response(body, status=upstream_response.status_code, headers=headers)

    server = werkzeug.serving.make_server("localhost", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(2)
