"""The user admin's part about logins through providers: which login methods a person has,
and "Tilknyt login" (an administrator registers a provider subject, e.g. for a member whose
MitID broker sends no e-mail)."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _


def provider_choices():
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return [(app["provider_id"], app["name"]) for app in apps]


class LinkedLoginForm(forms.ModelForm):
    provider = forms.ChoiceField(label=_("Login-udbyder"), choices=provider_choices)
    uid = forms.CharField(
        label=_("Subjekt (sub) hos udbyderen"),
        max_length=191,
        help_text=_("Personens faste id hos udbyderen – ikke e-mail eller CPR-nummer."),
    )

    class Meta:
        model = SocialAccount
        fields = ["provider", "uid"]


class LinkedLoginInline(admin.TabularInline):
    model = SocialAccount
    form = LinkedLoginForm
    extra = 0
    verbose_name = _("tilknyttet login")
    verbose_name_plural = _("Tilknyt login (OpenID Connect)")
    fields = ["provider", "uid", "last_login", "date_joined"]
    readonly_fields = ["last_login", "date_joined"]

    def has_add_permission(self, request, obj=None):
        return bool(provider_choices()) and super().has_add_permission(request, obj)


def login_methods(user) -> str:
    """Read-only summary for the user admin: password, second factor, linked providers."""
    if user is None or user.pk is None:
        return "–"
    names = dict(provider_choices())
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    linked = [
        names.get(provider, provider)
        for provider in SocialAccount.objects.filter(user=user).values_list("provider", flat=True)
    ]
    lines = [
        _("Adgangskode: %(value)s")
        % {"value": _("ja") if user.has_usable_password() else _("nej")},
        _("Godkendelsesapp (TOTP): %(value)s")
        % {"value": _("ja") if Authenticator.Type.TOTP in types else _("nej")},
        _("Tilknyttede logins: %(value)s") % {"value": ", ".join(linked) or _("ingen")},
    ]
    return format_html_join("", "<div>{}</div>", ((line,) for line in lines))


# The providers are configured from the environment and no tokens are stored: allauth's
# admin pages for them would only mislead.
for model in (SocialApp, SocialToken):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
