from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Brugerkonti")

    def ready(self):
        from allauth.account.signals import user_logged_in

        from accounts import signals  # noqa: F401
        from accounts.oidc import on_user_logged_in
        from accounts.roles import ADMINISTRATOR, register_role_provider
        from accounts.services import register_mails

        register_mails()

        def administrator_role(user):
            return [ADMINISTRATOR] if user.is_administrator else []

        register_role_provider(administrator_role)
        user_logged_in.connect(on_user_logged_in, dispatch_uid="portal_oidc_login")
