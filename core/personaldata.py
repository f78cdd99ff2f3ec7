"""The one registry of the kinds of personal data the portal holds (GDPR art. 15, 17, 30).

Each app declares its kinds in ``<app>/personaldata.py`` as a list ``KINDS`` of
``PersonalDataKind``; the privacy app (listed last) walks them for "Mine data", the
retention job, the pseudonymiser and the list of mentions. Adding a kind of data is one
entry there. The registry lives in ``portal`` so that every app can import it.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from importlib import import_module, util

from django.conf import settings
from django.db.models import CharField, Q, TextField, Value
from django.db.models.functions import Cast


@dataclass(frozen=True)
class Identity:
    """What identifies a person in text, and what replaces it."""

    name: str
    email: str
    pseudonym: str
    placeholder_email: str

    def replacements(self) -> list[tuple[str, str]]:
        pairs = [(self.email, self.placeholder_email), (self.name, self.pseudonym)]
        return [(old, new) for old, new in pairs if old]


@dataclass(frozen=True)
class Mention:
    """A person's name or e-mail inside somebody else's free text (not rewritten on its own)."""

    model: type
    pk: int
    field: str
    context: str

    @property
    def object_label(self) -> str:
        return f"{self.model._meta.verbose_name} #{self.pk}"

    @property
    def field_label(self) -> str:
        return str(self.model._meta.get_field(self.field).verbose_name)

    @property
    def content_type_id(self) -> int:
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(self.model).pk


@dataclass(frozen=True)
class Retention:
    """A retention period (``setting`` holds its length in ``unit``) and how to apply it.

    ``apply(now, dry_run)`` returns how many rows it changed, or would change."""

    setting: str
    unit: str  # "days", "months" or "years"
    label: str
    apply: Callable

    @property
    def period(self) -> int:
        return getattr(settings, self.setting)

    def cutoff(self, now):
        return before(now, self.period, self.unit)


def before(now, count: int, unit: str):
    """``now`` minus ``count`` days, months or years (the day clamped to the month's end)."""
    if unit == "days":
        return now - timedelta(days=count)
    months = count * 12 if unit == "years" else count
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class PersonalDataKind:
    name: str
    label: str
    # user -> the person's own rows (an iterable of model instances).
    rows: Callable | None = None
    # row -> a JSON-able dict for "Mine data".
    serialize: Callable | None = None
    # row -> the files (FieldFile) the person uploaded, put in the ZIP as they are.
    files: Callable | None = None
    # (user, identity) -> None: removes what identifies the person from these rows.
    pseudonymise: Callable | None = None
    # user -> [(queryset, [text field, ...]), ...]: other people's text that may mention the
    # person; searched in one query by find_mentions.
    mentions: Callable | None = None
    retention: Retention | None = None
    # user -> (role word, abbreviation or "") for the pseudonym, e.g. ("medlem", "RIO"), or None.
    pseudonym_role: Callable | None = None
    # () -> iterable of (user_id, end date or None while it lasts): the seats and jobs that
    # make someone a member or employee; retention pseudonymises people whose last one ended
    # PORTAL_RETENTION_FORMER_MEMBER_YEARS ago.
    engagements: Callable | None = None


@cache
def kinds() -> tuple[PersonalDataKind, ...]:
    found = []
    for app in settings.PORTAL_APPS:
        name = f"{app}.personaldata"
        if util.find_spec(name) is not None:
            found.extend(import_module(name).KINDS)
    return tuple(found)


def context_around(text: str, needle: str, width: int = 40) -> str:
    at = text.lower().find(needle.lower())
    if at < 0:
        return ""
    start, end = max(0, at - width), min(len(text), at + len(needle) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def find_mentions(sources, needles) -> list[Mention]:
    """Every (row, field) of ``sources`` whose text holds one of ``needles``, in one query."""
    needles = [n for n in needles if n]
    parts, models_by_label = [], {}
    for queryset, fields in sources:
        label = queryset.model._meta.label
        models_by_label[label] = queryset.model
        for field in fields:
            match = Q()
            for needle in needles:
                match |= Q(**{f"{field}__icontains": needle})
            parts.append(
                queryset.filter(match)
                .order_by()
                .annotate(
                    _model=Value(label, output_field=CharField()),
                    _field=Value(field, output_field=CharField()),
                    _text=Cast(field, output_field=TextField()),
                )
                .values_list("_model", "pk", "_field", "_text")
            )
    if not parts or not needles:
        return []
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found = []
    for label, pk, field, text in rows:
        needle = next((n for n in needles if n.lower() in (text or "").lower()), needles[0])
        found.append(Mention(models_by_label[label], pk, field, context_around(text, needle)))
    return sorted(found, key=lambda m: (m.model._meta.label, m.pk, m.field))
