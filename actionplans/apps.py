from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = _("Handleplaner")

    def ready(self):
        from core.registry import register_nav

        register_nav(_("Handleplaner"), "actionplans:plan_list", 30)
