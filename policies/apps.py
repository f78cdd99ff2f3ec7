from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Politikker og mål")

    def ready(self):
        from core.registry import register_home_panel, register_nav
        from policies.views.overview import my_goals_panel

        register_nav(_("Politikker"), "policies:policy_list", 30)
        register_nav(_("Enhedernes mål"), "policies:goal_list", 31)
        register_home_panel("policies/home_panel.html", 30, my_goals_panel)
