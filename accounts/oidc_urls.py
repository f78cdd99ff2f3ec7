"""allauth's OpenID Connect paths (/konto/oidc/<provider_id>/login/[callback/]), served by the
portal's stricter views in accounts/oidc.py. The names are allauth's, so allauth's templates
and redirects keep working."""

from django.urls import path

from accounts import oidc

urlpatterns = [
    path("<str:provider_id>/login/", oidc.login, name="openid_connect_login"),
    path("<str:provider_id>/login/callback/", oidc.callback, name="openid_connect_callback"),
]
