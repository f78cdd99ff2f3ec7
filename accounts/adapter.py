from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _


class PortalAccountAdapter(DefaultAccountAdapter):
    """Council members are appointed, so nobody can sign up on their own."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "For mange mislykkede loginforsøg. Vent fem minutter, og prøv igen – "
            "eller brug »Glemt adgangskode?«."
        ),
    }

    def is_open_for_signup(self, request):
        return False
