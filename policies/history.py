"""Readable change history from django-simple-history records.

Each entry says who changed the object, when, and for every changed field its
value before and after, with choices shown by their label and foreign keys by
their name.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# Fields that change on every save or only identify the row.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at"}

KIND_LABELS = {"+": _("Oprettet"), "~": _("Ændret"), "-": _("Slettet")}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    when: object
    who: object
    kind: str
    changes: list = field(default_factory=list)
    note: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


def history_entries(obj, *, newest_first=True) -> list[Entry]:
    records = list(obj.history.select_related("history_user").order_by("history_date", "pk"))
    entries = _entries(obj.__class__, records)
    return entries[::-1] if newest_first else entries


def _tracked_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN_FIELDS and f.editable and not f.primary_key
    ]


def _entries(model, records) -> list[Entry]:
    fields = _tracked_fields(model)
    related = _related_names(fields, records)
    entries, previous = [], None
    for record in records:
        entry = Entry(record.history_date, record.history_user, record.history_type)
        if record.history_type == "~" and previous is not None:
            for f in fields:
                before, after = f.value_from_object(previous), f.value_from_object(record)
                if before != after:
                    entry.changes.append(
                        Change(
                            _capitalised(f.verbose_name),
                            _display(f, before, related),
                            _display(f, after, related),
                        )
                    )
            if not entry.changes:
                previous = record
                continue
        entries.append(entry)
        previous = record
    return entries


def _related_names(fields, records) -> dict:
    """{(model, pk): name} for every foreign key value in the records, one query per model."""
    names = {}
    for f in fields:
        if not isinstance(f, models.ForeignKey):
            continue
        ids = {f.value_from_object(r) for r in records} - {None}
        if ids:
            for pk, obj in f.related_model._default_manager.in_bulk(ids).items():
                names[(f.related_model, pk)] = str(obj)
    return names


def _display(f, value, related) -> str:
    if value in (None, ""):
        return ""
    if isinstance(f, models.ForeignKey):
        return related.get((f.related_model, value), _("(slettet)"))
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(f, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def _capitalised(label) -> str:
    text = str(label)
    return text[:1].upper() + text[1:]


def attachment_entries(update) -> list[Entry]:
    """Attachments added to and removed from an update, as entries of the update's history."""
    from policies.models import GoalUpdateAttachment

    records = GoalUpdateAttachment.history.filter(update_id=update.pk).select_related(
        "history_user"
    )
    entries = []
    for record in records:
        if record.history_type == "+":
            note = _("Bilag tilføjet: %(name)s") % {"name": record.name}
        elif record.history_type == "-":
            note = _("Bilag fjernet: %(name)s") % {"name": record.name}
        else:
            continue
        entries.append(Entry(record.history_date, record.history_user, "~", note=note))
    return entries


def merged(*lists) -> list[Entry]:
    return sorted((e for entries in lists for e in entries), key=lambda e: e.when, reverse=True)
