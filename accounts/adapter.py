import math
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.httpkit import add_query_params
from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.email import absolute_url


def lockout_window_text() -> str:
    """How long a locked-out person waits: the longest window of the login rate limit."""
    rates = parse_rates(settings.ACCOUNT_RATE_LIMITS.get("login_failed"))
    seconds = max((rate.duration for rate in rates), default=60)
    if seconds < 60:
        count = math.ceil(seconds)
        return ngettext("%(count)d sekund", "%(count)d sekunder", count) % {"count": count}
    count = math.ceil(seconds / 60)
    return ngettext("%(count)d minut", "%(count)d minutter", count) % {"count": count}


def _too_many_attempts() -> str:
    return _(
        "For mange mislykkede loginforsøg. Vent %(window)s, og prøv igen – "
        "eller brug »Glemt adgangskode?«."
    ) % {"window": lockout_window_text()}


@dataclass(frozen=True)
class _PortalSite:
    """Stands in for the request's site in allauth's e-mails: the configured portal address,
    never the Host header a visitor sent."""

    name: str
    domain: str


def portal_site() -> _PortalSite:
    return _PortalSite(settings.PORTAL_MUNICIPALITY, urlsplit(settings.PORTAL_BASE_URL).netloc)


class PortalAccountAdapter(DefaultAccountAdapter):
    """Council members are appointed, so nobody can sign up on their own."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": lazy(_too_many_attempts, str)(),
    }

    def is_open_for_signup(self, request):
        return False

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth puts the Host header in the key; one lock per e-mail, whatever host was used.
        return credentials.get("email", credentials.get("username", "")).lower()

    def can_delete_email(self, email_address):
        return False

    def send_mail(self, template_prefix, email, context):
        if template_prefix == "account/email/password_reset_key" and context.get("user"):
            # Through the outbox, so a broker or mail server that is down loses nothing; the
            # link is made again when it is sent (accounts.services.build_password_reset_mail).
            from accounts.services import PASSWORD_RESET_MAIL
            from outbox.services import enqueue

            enqueue(kind=PASSWORD_RESET_MAIL, recipient=email, payload={"user": context["user"].pk})
            return
        # The other allauth e-mails (notifications, codes, confirmations) are switched off.
        super().send_mail(template_prefix, email, {**context, "current_site": portal_site()})

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reauthentication_methods(self, user):
        methods = super().get_reauthentication_methods(user)
        # Someone who has a second factor re-authenticates with it, not with the password.
        if any(method["id"].startswith("mfa_reauthenticate") for method in methods):
            methods = [method for method in methods if method["id"] != "reauthenticate"]
        return methods

    def get_login_stages(self):
        # The second-factor step is skipped after a provider asserted a strong login.
        return [
            "accounts.oidc.PortalAuthenticateStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and password_login_disabled(user):
            raise ValidationError(
                _("Som medarbejder logger du ind med kommunens login. Brug knappen »%(button)s«.")
                % {"button": staff_button_text()},
                code="staff_password_disabled",
            )
        return user

    def get_logout_redirect_url(self, request):
        # Logging out of the portal also ends the session at the provider it came from
        # (OpenID Connect RP-initiated logout), if the provider offers it.
        from accounts.oidc import OIDC_SESSION_KEY

        info = request.session.get(OIDC_SESSION_KEY) or {}
        endpoint = info.get("end_session_endpoint")
        if request.user.is_authenticated and endpoint and info.get("id_token"):
            return add_query_params(
                endpoint,
                {
                    "id_token_hint": info["id_token"],
                    "client_id": info.get("client_id", ""),
                    "post_logout_redirect_uri": absolute_url(reverse("home")),
                },
            )
        return super().get_logout_redirect_url(request)


def staff_provider_ids() -> list[str]:
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return [app["provider_id"] for app in apps if portal_options_of_dict(app).get("staff")]


def portal_options_of_dict(app: dict) -> dict:
    return (app.get("settings") or {}).get("portal", {})


def staff_button_text() -> str:
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    names = [app["name"] for app in apps if portal_options_of_dict(app).get("staff")]
    return names[0] if names else ""


def password_login_disabled(user) -> bool:
    """PORTAL_OIDC_DISABLE_STAFF_PASSWORD: staff with a linked login at a staff provider
    log in there, so closing their account at the municipality locks them out here too."""
    if not settings.PORTAL_OIDC_DISABLE_STAFF_PASSWORD:
        return False
    from allauth.socialaccount.models import SocialAccount

    from accounts.roles import is_staff_role_holder

    providers = staff_provider_ids()
    return (
        bool(providers)
        and is_staff_role_holder(user)
        and SocialAccount.objects.filter(user=user, provider__in=providers).exists()
    )
