"""Readable change history from django-simple-history records.

Each entry says who changed the object, when, and for every changed field its
value before and after, with choices shown by their label and foreign keys by
their name.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# Fields that change on every save or only identify the row.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at"}

PER_PAGE = 50
# The query parameter of the history's page, apart from the page of the list it sits under.
PAGE_PARAMETER = "historik"

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


def history_page(obj, number, *, notes=None) -> Page:
    """One page of the object's history, newest first, read from the database a page at a time.

    An old object can have thousands of records; only the page's records are
    read, with the one before them that the oldest is compared with. ``notes``,
    if given, is called with the time window the page covers (``since``,
    ``until``; None when open) and returns extra entries for it, e.g. the
    attachments added meanwhile. A page holds PER_PAGE records; saves that
    changed nothing show no entry, so a page may show fewer.
    """
    records = obj.history.select_related("history_user").order_by("-history_date", "-pk")
    page = Paginator(records, PER_PAGE).get_page(number)
    start = (page.number - 1) * PER_PAGE
    low = max(start - 1, 0)
    window = list(records[low : start + PER_PAGE + 1])
    newer = window[0] if start > 0 else None
    body = window[start - low : start - low + PER_PAGE]
    older = window[start - low + PER_PAGE] if len(window) > start - low + PER_PAGE else None
    oldest_first = ([older] if older else []) + body[::-1]
    entries = _entries(obj.__class__, oldest_first)
    if older is not None:
        entries = entries[1:]  # the older record only serves as the base of the comparison
    entries.reverse()
    if notes is not None:
        since = body[-1].history_date if (older is not None and body) else None
        until = newer.history_date if newer is not None else None
        entries = merged(entries, notes(since=since, until=until))
    page.object_list = entries
    return page


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
    """{(model, pk): name} for the foreign key values that changed, one query per model."""
    wanted = {}
    for previous, record in zip(records, records[1:], strict=False):
        if record.history_type != "~":
            continue
        for f in fields:
            if not isinstance(f, models.ForeignKey):
                continue
            before, after = f.value_from_object(previous), f.value_from_object(record)
            if before != after:
                wanted.setdefault(f.related_model, set()).update({before, after} - {None})
    names = {}
    for model, ids in wanted.items():
        for pk, obj in model._default_manager.in_bulk(ids).items():
            names[(model, pk)] = str(obj)
    return names


def _display(f, value, related) -> str:
    if value in (None, ""):
        return ""
    if isinstance(f, models.ForeignKey):
        return related.get((f.related_model, value), _("(slettet)"))
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.DecimalField):
        return formats.number_format(value, f.decimal_places, force_grouping=True)
    if isinstance(f, models.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(f, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def _capitalised(label) -> str:
    text = str(label)
    return text[:1].upper() + text[1:]


def attachment_entries(update, *, since=None, until=None) -> list[Entry]:
    """Attachments added to and removed from an update, as entries of the update's history.

    ``since`` (inclusive) and ``until`` (exclusive) limit them to a page's time window.
    """
    from policies.models import GoalUpdateAttachment

    records = GoalUpdateAttachment.history.filter(
        update_id=update.pk, history_type__in=["+", "-"]
    ).select_related("history_user")
    if since is not None:
        records = records.filter(history_date__gte=since)
    if until is not None:
        records = records.filter(history_date__lt=until)
    entries = []
    for record in records:
        if record.history_type == "+":
            note = _("Bilag tilføjet: %(name)s") % {"name": record.original_name}
        elif record.history_type == "-":
            note = _("Bilag fjernet: %(name)s") % {"name": record.original_name}
        else:
            continue
        entries.append(Entry(record.history_date, record.history_user, "~", note=note))
    return entries


def merged(*lists) -> list[Entry]:
    return sorted((e for entries in lists for e in entries), key=lambda e: e.when, reverse=True)
