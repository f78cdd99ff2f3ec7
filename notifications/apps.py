from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifikationer")

    def ready(self):
        from notifications import receivers
        from notifications.mail import DIGEST_MAIL, NOTICE_MAIL, build_digest, build_notice
        from outbox.registry import register

        register(NOTICE_MAIL, build_notice)
        register(DIGEST_MAIL, build_digest)
        receivers.connect()
