"""Who may log in through a provider: only people the municipality already created.

A login is matched, in this order, on
1. the provider's stable subject stored at an earlier login (SocialAccount.uid), or
2. the e-mail claim, only for a provider marked ``email_verified`` — the subject is then
   stored, so the next login is matched on it.
A staff provider may create a plain user (no role) for an e-mail in
``PORTAL_OIDC_STAFF_DOMAINS``. Everyone else gets a Danish page saying whom to contact, and
nothing is stored.
"""

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render

from accounts.oidc import (
    PortalOIDCProvider,
    claims_of,
    options_of,
    provider_of,
    remember_provider_session,
)


def _verified_email(sociallogin) -> str:
    """The e-mail claim, if this provider's e-mail claims are to be trusted."""
    options = options_of(sociallogin)
    if not options.get("email_verified"):
        return ""
    claims = claims_of(sociallogin)
    email = claims.get(options.get("email_claim", "email"))
    if not isinstance(email, str) or "@" not in email:
        return ""
    # A provider may still say, per person, that this address is not verified.
    if claims.get("email_verified") is False:
        return ""
    return email.strip().lower()


def _may_create_staff(sociallogin) -> bool:
    email = _verified_email(sociallogin)
    domains = settings.PORTAL_OIDC_STAFF_DOMAINS
    return bool(
        email
        and domains
        and options_of(sociallogin).get("staff")
        and email.rsplit("@", 1)[1] in domains
    )


def refuse(request, sociallogin):
    provider = provider_of(sociallogin)
    response = render(
        request,
        "accounts/oidc_refused.html",
        {"provider_name": provider.app.name, "municipality": settings.PORTAL_MUNICIPALITY},
        status=403,
    )
    raise ImmediateHttpResponse(response)


class PortalSocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        if not isinstance(provider_of(sociallogin), PortalOIDCProvider):
            refuse(request, sociallogin)
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            # A logged-in user links their own provider login (allauth checks it is not
            # linked to someone else).
            return
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                refuse(request, sociallogin)
            remember_provider_session(request)
            return
        email = _verified_email(sociallogin)
        user = (
            get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if email
            else None
        )
        if user is not None:
            sociallogin.connect(request, user)
            remember_provider_session(request)
            return
        if _may_create_staff(sociallogin):
            return
        refuse(request, sociallogin)

    def is_open_for_signup(self, request, sociallogin):
        return _may_create_staff(sociallogin)

    def populate_user(self, request, sociallogin, data):
        user = sociallogin.user
        email = _verified_email(sociallogin)
        user.email = email
        user.full_name = (claims_of(sociallogin).get("name") or email)[:200]
        sociallogin.email_addresses = [EmailAddress(email=email, verified=True, primary=True)]
        return user

    def save_user(self, request, sociallogin, form=None):
        # allauth's SocialLogin.save() also adds EmailAddress rows, but saving a user records
        # its login e-mail already (accounts/signals.py).
        user = sociallogin.user
        user.set_unusable_password()
        user.save()
        sociallogin.account.user = user
        sociallogin.account.save()
        return user

    def list_apps(self, request, provider=None, client_id=None):
        # Only apps from the settings: SocialApp rows in the database are not used.
        return [app for app in super().list_apps(request, provider, client_id) if not app.pk]
