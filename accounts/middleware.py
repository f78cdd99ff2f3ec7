from allauth.account.internal.flows.reauthentication import suspend_request
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mfa import recently_passed_second_factor, session_passed_second_factor
from accounts.oidc_config import form_action_origins
from accounts.roles import is_staff_role_holder

# Pages a staff user without two-factor authentication may still reach:
# the ones needed to set it up, to log out, and public information.
_OPEN_URL_NAME_PREFIXES = ("mfa_", "account_")
_OPEN_URL_NAMES = {"set_language", "accessibility", "healthz", "home"}

# Seeing recovery codes or switching two-factor authentication off hands the account to
# whoever holds the session; a password alone (perhaps phished) must not be enough.
_SECOND_FACTOR_REAUTH_URL_NAMES = {
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_deactivate_totp",
    # Deleting an authenticator in the admin switches a second factor off just the same.
    "admin:mfa_authenticator_delete",
}

# allauth's page for adding, switching and removing e-mail addresses: the login e-mail is
# changed by an administrator only (ACCOUNT_MAX_EMAIL_ADDRESSES = 1 also stops additions).
_ADMINISTRATOR_ONLY_URL_NAMES = {"account_email"}


class RequireStaffMFAMiddleware:
    """Guards the account pages: staff must have passed a second factor in this session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        match = request.resolver_match
        # Namespaced names in full: the admin's "admin:mfa_authenticator_delete" is not one of
        # allauth's open "mfa_" pages.
        name = (match.view_name if match.namespace else match.url_name) if match else None
        if name in _ADMINISTRATOR_ONLY_URL_NAMES:
            messages.info(
                request,
                _(
                    "Din e-mailadresse er også dit login, så den kan kun ændres af en "
                    "administrator i forvaltningen. Kontakt forvaltningen, hvis den skal ændres."
                ),
            )
            return redirect("account_change_password")
        if name in _SECOND_FACTOR_REAUTH_URL_NAMES and _has_authenticator(user):
            if not recently_passed_second_factor(request):
                return suspend_request(request, reverse("mfa_reauthenticate"))
            return None
        if not settings.PORTAL_REQUIRE_STAFF_MFA:
            return None
        if name and (name in _OPEN_URL_NAMES or name.startswith(_OPEN_URL_NAME_PREFIXES)):
            return None
        if not is_staff_role_holder(user) or session_passed_second_factor(request):
            return None
        if _has_authenticator(user):
            messages.warning(
                request,
                _(
                    "Som administrator eller sagsbehandler skal du bekræfte dit login med "
                    "koden fra din godkendelsesapp, før du fortsætter."
                ),
            )
            return suspend_request(request, reverse("mfa_reauthenticate"))
        messages.warning(
            request,
            _(
                "Som administrator eller sagsbehandler skal du bruge totrinsgodkendelse. "
                "Opsæt en godkendelsesapp, før du fortsætter."
            ),
        )
        return redirect("mfa_activate_totp")


def _has_authenticator(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user).exists()


class ProviderFormActionMiddleware:
    """Lets forms lead to the configured OpenID Connect providers under the CSP.

    The login buttons and the logout POST to the portal, which redirects to the provider, and
    Chromium applies ``form-action`` to that redirect. The origins are read on each response
    (django-csp's ``_csp_update``), so the policy follows the configured providers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = form_action_origins(settings.SOCIALACCOUNT_PROVIDERS)
        if origins:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            response._csp_update = update
        return response
