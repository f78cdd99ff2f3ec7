from allauth.account.adapter import DefaultAccountAdapter


class PortalAccountAdapter(DefaultAccountAdapter):
    """Council members are appointed, so nobody can sign up on their own."""

    def is_open_for_signup(self, request):
        return False
