from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Brugerkonti")

    def ready(self):
        from accounts import signals  # noqa: F401
        from accounts.roles import ADMINISTRATOR, register_role_provider
        from accounts.services import register_mails

        register_mails()

        def administrator_role(user):
            return [ADMINISTRATOR] if user.is_administrator else []

        register_role_provider(administrator_role)
