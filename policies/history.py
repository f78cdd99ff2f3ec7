"""Readable change history from django-simple-history records.

Each entry says who changed the object, when, and for every changed field its
value before and after, with choices shown by their label and foreign keys by
their name.

Two audiences (``full``): those who may edit the object read the whole record,
names and earlier wording included. Everybody else (readers) reads only the
entries since the object was published (``since``), "Forvaltningen" instead of
a name, and before → after only for fields whose values are labels the page
itself shows (choices, dates, numbers, organisation names); free text, file
names and people are only said to have changed. An earlier draft's wording or a
personal detail corrected a minute later must never reach a reader.
"""

import datetime
from dataclasses import dataclass, field
from functools import partial

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from policies.models import GoalUpdateAttachment, PolicyVersion

# Fields that change on every save or only identify the row.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at"}

PER_PAGE = 50
# The query parameter of the history's page, apart from the page of the list it sits under.
PAGE_PARAMETER = "historik"

KIND_LABELS = {"+": _("Oprettet"), "~": _("Ændret"), "-": _("Slettet")}


# Readers see these foreign keys' names: units, focus areas, committees are public labels.
PUBLIC_RELATED_APPS = {"organisation"}
# What readers are told instead of a person's name.
READER_WHO = _("Forvaltningen")


@dataclass
class Change:
    label: str
    before: str
    after: str
    # Readers learn only that the field changed, not from what or to what.
    redacted: bool = False


@dataclass
class Entry:
    when: object
    who: object
    kind: str
    changes: list = field(default_factory=list)
    note: str = ""
    # The name shown, or "" for a change made by the system.
    who_label: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


def history_entries(obj, *, newest_first=True, full=True) -> list[Entry]:
    records = list(obj.history.select_related("history_user").order_by("history_date", "pk"))
    entries = _entries(obj.__class__, records, full=full)
    return entries[::-1] if newest_first else entries


def history_page(obj, number, *, full=True, since=None, notes=None) -> Page:
    """One page of the object's history, newest first, read from the database a page at a time.

    An old object can have thousands of records; only the page's records are
    read, with the one before them that the oldest is compared with. ``full``
    is the editors' view; readers (``full=False``) see only the records from
    ``since`` (when the object was published; None: not published, nothing
    shown), redacted as the module says. ``notes``, if given, is called with
    the time window the page covers (``since``, ``until``; None when open) and
    ``full``, and returns extra entries for it, e.g. the attachments added
    meanwhile. A page holds PER_PAGE records; saves that changed nothing show
    no entry, so a page may show fewer.
    """
    records = obj.history.order_by("-history_date", "-pk")
    if full:
        # Readers are never told who, so the users' rows are not even read for them.
        records = shown = records.select_related("history_user")
    elif since is None:
        shown = records.none()
    else:
        shown = records.filter(history_date__gte=since)
    page = Paginator(shown, PER_PAGE).get_page(number)
    # The records shown are the newest ones, so a page's slice of ``shown`` is the same
    # slice of ``records``, and the record just older than the oldest shown is the base it
    # is compared with, published or not (its values reach editors only).
    start = (page.number - 1) * PER_PAGE
    end = min(start + PER_PAGE, page.paginator.count)
    entries, newer, body = [], None, []
    if end > start:
        low = max(start - 1, 0)
        window = list(records[low : end + 1])
        newer = window[0] if start > 0 else None
        body = window[start - low : end - low]
        older = window[end - low] if len(window) > end - low else None
        entries = _entries(obj.__class__, ([older] if older else []) + body[::-1], full=full)
        if older is not None:
            entries = entries[1:]  # the older record only serves as the base of the comparison
        entries.reverse()
    if notes is not None and (full or since is not None):
        oldest = body[-1].history_date if (page.has_next() and body) else None
        until = newer.history_date if newer is not None else None
        window_since = oldest if (oldest is not None or full) else since
        entries = merged(entries, notes(since=window_since, until=until, full=full))
    page.object_list = entries
    page.full = full
    return page


def published_since(records, fallback=None, **published):
    """When the object's history first shows it published (``published``: a filter on its
    records, e.g. ``status__in=[...]``); ``fallback`` if no record does (an object loaded
    without history). An expression, so that the history's own queries carry it."""
    first = Subquery(
        records.filter(**published).order_by("history_date").values("history_date")[:1]
    )
    if fallback is None:
        return first
    return Coalesce(first, Value(fallback, output_field=models.DateTimeField()))


def start_of(day: datetime.date | None) -> datetime.datetime | None:
    """The first moment of a day, for objects published before their history was kept."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def version_published_since(version):
    """When a policy version was adopted; goals and their updates are public from then."""
    if version.status not in PolicyVersion.PUBLIC_STATUSES:
        return None
    return published_since(
        version.history,
        fallback=start_of(version.adopted_on),
        status__in=PolicyVersion.PUBLIC_STATUSES,
    )


def version_history(request, version) -> Page:
    """Adopted versions are frozen, so nobody holds change_policyversion on a public one;
    those who write policies (administrators: add_policy) read the full record of every
    version, everybody else the record since its adoption."""
    full = request.user.has_perm("policies.add_policy")
    since = None if full else version_published_since(version)
    return history_page(version, request.GET.get(PAGE_PARAMETER), full=full, since=since)


def goal_history(request, goal) -> Page:
    """A goal is public from when its policy version was adopted."""
    full = request.user.has_perm("policies.change_unitgoal", goal)
    since = None if full else version_published_since(goal.policy)
    return history_page(goal, request.GET.get(PAGE_PARAMETER), full=full, since=since)


def update_history(request, update) -> Page:
    """An update is public with its goal: from its goal's policy version's adoption."""
    full = request.user.has_perm("policies.change_goalupdate", update)
    since = None if full else version_published_since(update.goal.policy)
    return history_page(
        update,
        request.GET.get(PAGE_PARAMETER),
        full=full,
        since=since,
        notes=partial(attachment_entries, update),
    )


def _tracked_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN_FIELDS and f.editable and not f.primary_key
    ]


def shows_values(f) -> bool:
    """May readers see this field's values? Only labels the public page itself shows."""
    if isinstance(f, models.ForeignKey):
        return f.related_model._meta.app_label in PUBLIC_RELATED_APPS
    if f.choices:
        return True
    return isinstance(
        f,
        models.DateField
        | models.IntegerField
        | models.DecimalField
        | models.FloatField
        | models.BooleanField,
    )


def _deltas(records, names) -> list:
    """simple-history's ``diff_against`` of each change record with the record before it
    (None for creations, deletions and the first record)."""
    deltas, previous = [], None
    for record in records:
        changed = record.history_type == "~" and previous is not None
        deltas.append(record.diff_against(previous, included_fields=names) if changed else None)
        previous = record
    return deltas


def _entries(model, records, *, full=True) -> list[Entry]:
    """An entry per record; a change shows ``diff_against``'s changes with readable values."""
    fields = _tracked_fields(model)
    by_name = {f.name: f for f in fields}
    deltas = _deltas(records, list(by_name))
    related = _related_names(by_name, deltas, full=full)
    entries = []
    for record, delta in zip(records, deltas, strict=True):
        who = record.history_user if full else None
        entry = Entry(record.history_date, who, record.history_type, who_label=_who(record, full))
        if delta is not None:
            # diff_against sorts by field name; the page keeps the model's field order.
            changes = {change.field: change for change in delta.changes}
            for f in (f for f in fields if f.name in changes):
                label = _capitalised(f.verbose_name)
                if full or shows_values(f):
                    change = changes[f.name]
                    before = _display(f, change.old, related)
                    entry.changes.append(Change(label, before, _display(f, change.new, related)))
                else:
                    entry.changes.append(Change(label, "", "", redacted=True))
            if not entry.changes:
                continue
        entries.append(entry)
    return entries


def _who(record, full) -> str:
    if record.history_user_id is None:
        return ""
    if full:
        return record.history_user.full_name if record.history_user else str(_("(slettet)"))
    return str(READER_WHO)


def _related_names(by_name, deltas, *, full=True) -> dict:
    """{(model, pk): name} for the foreign key values that changed, one query per model."""
    wanted = {}
    for delta in filter(None, deltas):
        for change in delta.changes:
            f = by_name[change.field]
            if isinstance(f, models.ForeignKey) and (full or shows_values(f)):
                wanted.setdefault(f.related_model, set()).update({change.old, change.new} - {None})
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


def attachment_entries(update, *, since=None, until=None, full=True) -> list[Entry]:
    """Attachments added to and removed from an update, as entries of the update's history.

    ``since`` (inclusive) and ``until`` (exclusive) limit them to a page's time window.
    Readers are not told the file names: a removed file's name is gone from the page.
    """
    records = GoalUpdateAttachment.history.filter(update_id=update.pk, history_type__in=["+", "-"])
    if full:
        records = records.select_related("history_user")
    if since is not None:
        records = records.filter(history_date__gte=since)
    if until is not None:
        records = records.filter(history_date__lt=until)
    entries = []
    for record in records:
        if record.history_type == "+":
            note = (
                _("Bilag tilføjet: %(name)s") % {"name": record.original_name}
                if full
                else _("Bilag tilføjet")
            )
        elif record.history_type == "-":
            note = (
                _("Bilag fjernet: %(name)s") % {"name": record.original_name}
                if full
                else _("Bilag fjernet")
            )
        else:
            continue
        entry = Entry(record.history_date, record.history_user if full else None, "~", note=note)
        entry.who_label = _who(record, full)
        entries.append(entry)
    return entries


def merged(*lists) -> list[Entry]:
    return sorted((e for entries in lists for e in entries), key=lambda e: e.when, reverse=True)
