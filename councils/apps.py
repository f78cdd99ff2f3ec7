from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = _("Råd og møder")

    def ready(self):
        from accounts.roles import register_role_provider
        from core.registry import register_home_panel, register_nav
        from councils import checks  # noqa: F401 - registers the system checks
        from councils.panels import upcoming_meetings_panel
        from councils.roles import council_roles
        from councils.services import AGENDA_MAIL, build_agenda_mail
        from outbox.registry import register

        register_role_provider(council_roles)
        register(AGENDA_MAIL, build_agenda_mail)
        register_nav(_("Råd og møder"), "councils:list", 10)
        register_home_panel("councils/home_panel.html", 10, upcoming_meetings_panel)
