from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from accounts.roles import register_role_provider
        from organisation.roles import caseworker_role

        register_role_provider(caseworker_role)
