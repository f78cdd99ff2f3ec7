from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PrivacyAction(models.Model):
    """A record of an irreversible step taken on personal data: who, when, why and on what.

    It holds no personal data of the person concerned: only their user id and pseudonym, or
    the history entry by type and number."""

    class Kind(models.TextChoices):
        PSEUDONYMISE = "pseudonymise", _("Anonymiseret")
        PURGE_HISTORY = "purge_history", _("Personoplysninger fjernet fra historik")
        EXPORT = "export", _("Persondata udleveret")

    action = models.CharField(_("handling"), max_length=20, choices=Kind.choices)
    # Empty when the retention job acted on its own.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udført af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    reason = models.TextField(_("begrundelse"))
    target_user_id = models.PositiveIntegerField(_("bruger-id"), null=True, blank=True)
    target_content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_object_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    target_repr = models.CharField(_("gælder"), max_length=200)
    details = models.JSONField(_("detaljer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("persondatahandling")
        verbose_name_plural = _("persondatahandlinger")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.target_repr}"
