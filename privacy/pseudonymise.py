"""Pseudonymising a former member or employee (GDPR art. 17 within art. 5(1)(e)).

The account stays, so approved records keep their author, attendance and seats; what
identifies the person (name, e-mail, logins, second factor, sessions, calendar address) is
removed, and every history entry that held the name or e-mail is rewritten."""

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.utils.translation import gettext as _
from simple_history.models import HistoricalChanges

from core.personaldata import Identity, find_mentions, kinds
from privacy.models import PrivacyAction

TEXT_FIELDS = (models.CharField, models.TextField)


def is_pseudonymised(user) -> bool:
    return PrivacyAction.objects.filter(
        action=PrivacyAction.Kind.PSEUDONYMISE, target_user_id=user.pk
    ).exists()


def pseudonym_for(user) -> str:
    for kind in kinds():
        role = kind.pseudonym_role(user) if kind.pseudonym_role else None
        if role:
            word, abbreviation = role
            suffix = f" ({abbreviation})" if abbreviation else ""
            return f"Tidligere {word} {user.pk}{suffix}"
    return f"Tidligere bruger {user.pk}"


def identity_for(user) -> Identity:
    return Identity(
        name=user.full_name.strip(),
        email=user.email,
        pseudonym=pseudonym_for(user),
        placeholder_email=f"tidligere-{user.pk}@anonymiseret.invalid",
    )


def mentions_of(user):
    """The person's name or e-mail in other people's text: listed, never rewritten here."""
    needles = [n for n in (user.full_name.strip(), user.email) if n]
    sources = [source for kind in kinds() if kind.mentions for source in kind.mentions(user)]
    return find_mentions(sources, needles)


def historical_models():
    return [m for m in apps.get_models() if issubclass(m, HistoricalChanges)]


def _rewrite(model, fields, replacements) -> int:
    changed = 0
    for field in fields:
        for old, new in replacements:
            changed += model._default_manager.filter(**{f"{field}__contains": old}).update(
                **{field: Replace(F(field), Value(old), Value(new))}
            )
    return changed


def rewrite_history(replacements) -> int:
    """Replaces each (old, new) pair in every text column of every history table and in the
    admin's log, and returns how many values changed."""
    changed = 0
    for model in historical_models():
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        changed += _rewrite(model, fields, replacements)
    changed += _rewrite(LogEntry, ["object_repr", "change_message"], replacements)
    return changed


def scrub(text: str, identity: Identity) -> str:
    for old, new in identity.replacements():
        text = text.replace(old, new)
    return text


def pseudonymise(*, user, actor, reason: str) -> PrivacyAction:
    if not reason.strip():
        raise ValidationError(_("Skriv en begrundelse."))
    with transaction.atomic():
        user = type(user).objects.select_for_update().get(pk=user.pk)
        if is_pseudonymised(user):
            raise ValidationError(_("Personen er allerede anonymiseret."))
        identity = identity_for(user)
        for kind in kinds():
            if kind.pseudonymise:
                kind.pseudonymise(user, identity)
        changed = rewrite_history(identity.replacements())
        return PrivacyAction.objects.create(
            action=PrivacyAction.Kind.PSEUDONYMISE,
            actor=actor,
            reason=scrub(reason, identity),
            target_user_id=user.pk,
            target_repr=identity.pseudonym,
            details={"history_values_rewritten": changed},
        )
