from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from accounts.roles import is_staff_role_holder

# Pages a staff user without two-factor authentication may still reach:
# the ones needed to set it up, to log out, and public information.
_OPEN_URL_NAME_PREFIXES = ("mfa_", "account_")
_OPEN_URL_NAMES = {"set_language", "accessibility", "healthz", "home"}


class RequireStaffMFAMiddleware:
    """Sends administrators and caseworkers to set up two-factor authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.PORTAL_REQUIRE_STAFF_MFA:
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        match = request.resolver_match
        name = match.url_name if match else None
        if name and (name in _OPEN_URL_NAMES or name.startswith(_OPEN_URL_NAME_PREFIXES)):
            return None
        if not is_staff_role_holder(user) or _has_authenticator(user):
            return None
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
