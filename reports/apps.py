from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Statusnotater")

    def ready(self):
        from core.registry import register_nav

        register_nav(_("Statusnotater"), "reports:archive", 40)
