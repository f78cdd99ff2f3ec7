from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Deltagelse i møder")

    def ready(self):
        from outbox.registry import register
        from participation import notices

        for kind, build in notices.BUILDERS.items():
            register(kind, build)
