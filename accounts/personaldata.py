"""The account itself: profile, login addresses, second factors, sessions (core.personaldata)."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import roles_for
from core.personaldata import PersonalDataKind, Retention


def user_sessions(user):
    """The stored sessions of ``user`` (a session keeps only the user's id, encoded)."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get(SESSION_KEY)) == str(user.pk):
            yield session


def _pseudonymise_account(user, identity):
    user.full_name = identity.pseudonym
    user.email = identity.placeholder_email
    user.set_unusable_password()
    user.is_active = False
    user.is_administrator = False
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    if apps.is_installed("allauth.socialaccount"):
        apps.get_model("socialaccount", "SocialAccount").objects.filter(user=user).delete()
    Session.objects.filter(pk__in=[s.pk for s in user_sessions(user)]).delete()


def _profile(user):
    return {
        "navn": user.full_name,
        "e-mail": user.email,
        "aktiv": user.is_active,
        "administrator": user.is_administrator,
        "oprettet": user.date_joined.isoformat(),
        "sidste_login": user.last_login.isoformat() if user.last_login else None,
        "roller": [str(role.label) for role in roles_for(user)],
    }


def _expired_sessions(now, dry_run):
    days = getattr(settings, "PORTAL_RETENTION_SESSION_DAYS", 0)
    expired = Session.objects.filter(expire_date__lt=now - timedelta(days=days))
    count = expired.count()
    if not dry_run:
        expired.delete()
    return count


def _linked_logins(user):
    if not apps.is_installed("allauth.socialaccount"):
        return []
    return apps.get_model("socialaccount", "SocialAccount").objects.filter(user=user)


KINDS = [
    PersonalDataKind(
        name="accounts.profile",
        label=_("Profil og roller"),
        rows=lambda user: [user],
        serialize=_profile,
        pseudonymise=_pseudonymise_account,
        pseudonym_role=lambda user: ("administrator", "") if user.is_administrator else None,
    ),
    PersonalDataKind(
        name="accounts.email_addresses",
        label=_("Login-e-mailadresser"),
        rows=lambda user: EmailAddress.objects.filter(user=user),
        serialize=lambda a: {"e-mail": a.email, "bekræftet": a.verified, "primær": a.primary},
    ),
    PersonalDataKind(
        name="accounts.second_factor",
        label=_("Totrinsbekræftelse"),
        rows=lambda user: Authenticator.objects.filter(user=user),
        # Never the secret: only that a second factor exists and when it was used.
        serialize=lambda a: {
            "type": a.type,
            "oprettet": a.created_at.isoformat() if a.created_at else None,
            "sidst_brugt": a.last_used_at.isoformat() if a.last_used_at else None,
        },
    ),
    PersonalDataKind(
        name="accounts.sessions",
        label=_("Aktive logins (sessioner)"),
        rows=lambda user: list(user_sessions(user)),
        serialize=lambda s: {"udløber": s.expire_date.isoformat()},
        retention=Retention(
            setting="PORTAL_RETENTION_SESSION_DAYS",
            unit="days",
            label=_("Udløbne sessioner slettes"),
            apply=_expired_sessions,
        ),
    ),
    PersonalDataKind(
        name="accounts.linked_logins",
        label=_("Tilknyttede logins (kommunens login, MitID)"),
        # The provider's stable subject for the person (docs/SSO.md); the account rows
        # themselves are removed with the profile when the person is pseudonymised.
        rows=_linked_logins,
        serialize=lambda a: {
            "udbyder": a.provider,
            "subjekt": a.uid,
            "tilknyttet": a.date_joined.isoformat() if a.date_joined else None,
            "sidste_login": a.last_login.isoformat() if a.last_login else None,
        },
    ),
]
