"""Login through OpenID Connect: allauth's ``openid_connect`` provider, made strict.

allauth 65 sends no ``nonce`` and, in the code flow, does not check the ID token's signature
(the spec allows skipping it when the token came straight from the token endpoint over TLS).
The portal does both, so the provider class below adds a nonce to every authorization request
and the views (mounted at allauth's own paths, /konto/oidc/<provider_id>/login/[callback/])
verify signature, issuer, audience, expiry and nonce of every ID token.

The raw ID token and the provider's end-session endpoint are kept in the session so that
logging out of the portal also ends the session at the provider (see
``PortalAccountAdapter.get_logout_redirect_url``).
"""

import json

import jwt
from allauth.mfa.stages import AuthenticateStage
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import (
    OAuth2CallbackView,
    OAuth2LoginView,
)
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404
from django.utils.crypto import get_random_string
from django.views.decorators.http import require_POST

from accounts.mfa import mark_strong_login
from accounts.oidc_config import portal_options

# What the portal remembers about this session's login at a provider (for the logout there).
OIDC_SESSION_KEY = "portal_oidc"
_NONCE_STATE_KEY = "portal_nonce"


# Asymmetric signatures only: "none" and HMAC (keyed with the client secret) are refused.
_ALGORITHMS = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}


def _signing_key(header: dict, keys_url: str):
    alg = header.get("alg")
    if alg not in _ALGORITHMS:
        raise OAuth2Error(f"ID token signed with {alg!r}, which the portal does not accept.")
    with get_adapter().get_requests_session() as session:
        response = session.get(keys_url)
        response.raise_for_status()
        keys = [key for key in response.json().get("keys", []) if key.get("use", "sig") == "sig"]
    # A token without "kid" is allowed when the provider publishes exactly one signing key.
    if header.get("kid"):
        keys = [key for key in keys if key.get("kid") == header["kid"]]
    if len(keys) != 1:
        raise OAuth2Error("No single key of the provider matches the ID token.")
    return jwt.get_algorithm_by_name(alg).from_jwk(json.dumps(keys[0]))


def verify_id_token(raw: str, *, keys_url: str, issuer: str, audience: str) -> dict:
    """Signature (always, also in the code flow), issuer, audience, expiry; single use."""
    try:
        header = jwt.get_unverified_header(raw)
        claims = jwt.decode(
            raw,
            key=_signing_key(header, keys_url),
            algorithms=[header["alg"]],
            audience=audience,
            issuer=issuer,
            options={"require": ["iss", "aud", "exp", "iat", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise OAuth2Error("Invalid ID token.") from exc
    jwtkit.verify_jti(claims)
    return claims


class PortalOIDCAdapter(OpenIDConnectOAuth2Adapter):
    expected_nonce = None

    def complete_login(self, request, app, token, **kwargs):
        raw_id_token = kwargs["response"].get("id_token")
        if not raw_id_token:
            raise OAuth2Error("The provider sent no ID token.")
        claims = verify_id_token(
            raw_id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
        )
        if not self.expected_nonce or claims.get("nonce") != self.expected_nonce:
            raise OAuth2Error("The ID token's nonce does not match this login.")
        uid_field = app.settings.get("uid_field", "sub")
        if not claims.get(uid_field):
            raise OAuth2Error(f"The ID token has no {uid_field!r} claim.")
        data = {"id_token": claims}
        if app.settings.get("fetch_userinfo", True):
            userinfo = self._fetch_user_info(token.token)
            # OpenID Connect Core 5.3.2: userinfo of another subject must not be used.
            if userinfo.get("sub") != claims.get("sub"):
                raise OAuth2Error("The userinfo response is about another subject.")
            data["userinfo"] = userinfo
        login = self.get_provider().sociallogin_from_response(request, data)
        login.account.extra_data = _minimal(data, app)
        request.portal_oidc_login = {
            "provider": app.provider_id,
            "id_token": raw_id_token,
            "end_session_endpoint": self.openid_config.get("end_session_endpoint", ""),
            "client_id": app.client_id,
        }
        return login


# What is kept of the claims (SocialAccount.extra_data): enough to show who it is and how they
# logged in. Anything else a provider sends (a CPR or fødselsnummer, addresses) is not stored.
_KEPT_CLAIMS = {"iss", "sub", "aud", "auth_time", "amr", "acr", "name", "email", "email_verified"}


def _minimal(data: dict, app) -> dict:
    kept = _KEPT_CLAIMS | {
        app.settings.get("uid_field", "sub"),
        portal_options(app).get("email_claim", "email"),
    }
    return {
        part: {key: value for key, value in claims.items() if key in kept}
        for part, claims in data.items()
    }


class PortalOIDCProvider(OpenIDConnectProvider):
    """allauth's provider plus a nonce; registered through SOCIALACCOUNT_PROVIDERS."""

    oauth2_adapter_class = PortalOIDCAdapter
    # allauth builds its URLs (and finds templates) from the provider's package.
    package = "allauth.socialaccount.providers.openid_connect"

    def get_auth_params(self):
        params = super().get_auth_params()
        self._portal_nonce = get_random_string(32)
        params["nonce"] = self._portal_nonce
        return params

    def stash_redirect_state(self, request, process, next_url=None, data=None, **kwargs):
        nonce = getattr(self, "_portal_nonce", None)
        if nonce:
            kwargs[_NONCE_STATE_KEY] = nonce
        return super().stash_redirect_state(request, process, next_url, data, **kwargs)

    def extract_uid(self, data):
        # The ID token is the signed statement about who this is; some userinfo endpoints
        # (Entra ID) lack claims such as "oid".
        claims = data.get("id_token") or {}
        return str(claims[self.app.settings.get("uid_field", "sub")])


class _CallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.expected_nonce = (state or {}).get(_NONCE_STATE_KEY)
        return state, response


@require_POST
def login(request, provider_id):
    # allauth's GET page asks "continue?" and then POSTs; the portal's button POSTs directly.
    try:
        return OAuth2LoginView.adapter_view(PortalOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


def callback(request, provider_id):
    try:
        return _CallbackView.adapter_view(PortalOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


def claims_of(sociallogin) -> dict:
    """The ID token's claims, then userinfo's (which may add e-mail or name)."""
    data = sociallogin.account.extra_data or {}
    return {**(data.get("userinfo") or {}), **(data.get("id_token") or {})}


def provider_of(sociallogin):
    return sociallogin.account.get_provider()


def options_of(sociallogin) -> dict:
    return portal_options(provider_of(sociallogin).app)


def is_strong_login(sociallogin) -> bool:
    """Did the provider assert a login with a second factor (amr) or a high enough level
    of assurance (acr)? Read from the signed ID token only."""
    if not isinstance(provider_of(sociallogin), PortalOIDCProvider):
        return False
    options = options_of(sociallogin)
    claims = (sociallogin.account.extra_data or {}).get("id_token") or {}
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if set(amr) & set(options.get("strong_amr", [])):
        return True
    acr = claims.get("acr")
    return bool(acr) and acr in options.get("strong_acr", [])


def remember_provider_session(request) -> None:
    info = getattr(request, "portal_oidc_login", None)
    if info:
        request.session[OIDC_SESSION_KEY] = info


def on_user_logged_in(sender, request, user, sociallogin=None, **kwargs):
    """After a login through a provider: remember its session (for logout) and whether it
    counted as a login with a second factor."""
    if sociallogin is None or not isinstance(provider_of(sociallogin), PortalOIDCProvider):
        return
    remember_provider_session(request)
    if is_strong_login(sociallogin):
        mark_strong_login(request, user, source=f"oidc:{sociallogin.account.provider}")


class PortalAuthenticateStage(AuthenticateStage):
    """allauth's "enter your code" step, skipped when the provider asserted a strong login."""

    def _should_handle(self, request):
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and is_strong_login(sociallogin):
            return False
        return super()._should_handle(request)
