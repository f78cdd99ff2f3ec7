"""The demo municipality, assembled from each app's ``demo.toml`` and ``demo.py``.

The content is data: ``<app>/demo.toml`` (read with ``demo_data(app)``, TOML's own
dates and times included). Each app in settings.PORTAL_APPS may have a module
``<app>.demo`` with a function ``load(ctx)`` that walks its data and makes the rows
with the app's builders (``core.builders``) through ``ensure``. They run in
dependency order; each is idempotent (rows are looked up by natural keys, never
created blindly), so ``load_demo`` can run any number of times.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import import_module, util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField
from django.utils import timezone

from core.builders import builder_for

DEMO_PASSWORD = "Brugerraad-demo-2026"  # noqa: S105 - published demo login, see README


@dataclass
class DemoContext:
    password: str = DEMO_PASSWORD
    # Shared between app loaders, e.g. ctx.users["caseworker"], ctx.units["Voksenhandicap"].
    users: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    log: list = field(default_factory=list)
    today: date = field(default_factory=timezone.localdate)

    def day(self, offset: int) -> date:
        """``offset`` days from today (the demo's meetings move with the calendar)."""
        return self.today + timedelta(days=offset)

    def at(self, offset: int, clock: time) -> datetime:
        """An aware datetime ``offset`` days from today at ``clock``, local time."""
        return timezone.make_aware(datetime.combine(self.day(offset), clock))

    def fields(self, model, row: dict, *, skip=()) -> dict:
        """A row of ``demo.toml`` as ``model``'s field values, its moving dates resolved.

        ``{days = N}`` on a date field is today + N days; on a date-and-time field
        ``{days = N, at = HH:MM:SS}`` is that day at that time and ``{days = N, hours = H}``
        is now + N days + H hours. Keys in ``skip`` are left out (nested rows, references).
        """
        values = {}
        for name, value in row.items():
            if name in skip:
                continue
            if isinstance(value, dict) and "days" in value:
                if not isinstance(model._meta.get_field(name), DateTimeField):
                    value = self.day(value["days"])
                elif "at" in value:
                    value = self.at(value["days"], value["at"])
                else:
                    value = timezone.now() + timedelta(
                        days=value["days"], hours=value.get("hours", 0)
                    )
            values[name] = value
        return values


@cache
def _read(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def demo_data(app_label: str) -> dict:
    """The app's ``demo.toml``, parsed (read once per process; do not change it)."""
    return _read(Path(apps.get_app_config(app_label).path) / "demo.toml")


def ensure(model, lookup: dict, *, history_user=None, **fields):
    """The row matching ``lookup``, else a new one built from ``lookup`` and ``fields``.

    Returns ``(row, created)``. ``history_user`` is recorded as the author of the
    new row's first history entry.
    """
    row = model._default_manager.filter(**lookup).first()
    if row is not None:
        return row, False
    row = builder_for(model)(**lookup, **fields)
    if history_user is not None:
        row._history_user = history_user
    row.save(force_insert=True)
    return row, True


def demo_modules():
    for app in settings.PORTAL_APPS:
        name = f"{app}.demo"
        if util.find_spec(name) is not None:
            yield import_module(name)


@transaction.atomic
def load_demo() -> DemoContext:
    ctx = DemoContext()
    for module in demo_modules():
        module.load(ctx)
    for hook in [getattr(m, "after_commit", None) for m in demo_modules()]:
        if hook is not None:
            transaction.on_commit(lambda hook=hook: hook(ctx))
    return ctx
