"""Removing personal data from one history entry (rectification or erasure on request)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from privacy.models import PrivacyAction

PURGED = "[fjernet]"
TEXT_FIELDS = (models.CharField, models.TextField)
# Bookkeeping of the history itself, never personal text.
_NOT_CONTENT = {"history_type", "history_change_reason"}


def history_model_for(content_type):
    model = content_type.model_class()
    manager = getattr(model, "history", None) if model else None
    return getattr(manager, "model", None)


def purgeable_fields(history_model):
    return [
        f
        for f in history_model._meta.concrete_fields
        if isinstance(f, TEXT_FIELDS) and not f.choices and f.attname not in _NOT_CONTENT
    ]


def purge_history_entry(*, entry, fields, actor, reason) -> PrivacyAction:
    allowed = {f.attname for f in purgeable_fields(type(entry))}
    chosen = [f for f in fields if f in allowed]
    if not chosen:
        raise ValidationError(_("Vælg mindst ét felt."))
    if not reason.strip():
        raise ValidationError(_("Skriv en begrundelse."))
    original = entry.instance_type
    with transaction.atomic():
        type(entry)._default_manager.filter(pk=entry.pk).update(**dict.fromkeys(chosen, PURGED))
        return PrivacyAction.objects.create(
            action=PrivacyAction.Kind.PURGE_HISTORY,
            actor=actor,
            reason=reason,
            target_content_type=ContentType.objects.get_for_model(original),
            target_object_id=str(getattr(entry, original._meta.pk.attname)),
            target_repr=(
                f"{original._meta.verbose_name} #{getattr(entry, original._meta.pk.attname)}, "
                f"historik #{entry.pk}"
            )[:200],
            details={"history_id": entry.pk, "fields": chosen},
        )
