"""A municipality at realistic volume, for load benchmarks and query-budget tests.

``generate(scale, seed)`` calls ``generate(ctx)`` in each app's ``<app>/volume.py``
in dependency order (settings.PORTAL_APPS). Every count is SPEC × scale, rounded
half up and at least 1, so a test can check the counts at a tiny scale. Rows are
made with bulk_create in batches: no per-row save(), signals or password hashing,
which is what keeps scale 1 well under two minutes.

The same seed and the same ``today`` give the same rows. Dates are placed around
``today`` (default: the real date) so the municipality has past and upcoming
meetings whenever it is generated.
"""

import math
import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import import_module, util

from django.conf import settings
from django.db import transaction
from django.utils import timezone

# Scale 1: a large Danish municipality's user councils (issue #7).
SPEC = {
    "users": 1000,
    "units": 300,
    "councils": 50,
    "meetings": 2000,
    "agenda_items": 20000,
    "comments": 100000,
    "goals": 3000,
    "goal_updates": 10000,
    "action_plans": 40,
    "initiatives": 400,
    "reports": 20,
}

BATCH_SIZE = 2000


class VolumeError(Exception):
    """The volume cannot be generated as asked (e.g. the seed was used in this database)."""


def scaled(base: int, scale: float) -> int:
    # Half up (not Python's banker's rounding), so 2.5 councils are 3 at every scale.
    return max(1, math.floor(base * scale + 0.5))


@dataclass
class VolumeContext:
    scale: float
    seed: int
    today: date
    rng: random.Random
    # Shared between the apps' generators, e.g. ctx.objects["units"].
    objects: dict = field(default_factory=dict)
    created: dict = field(default_factory=dict)
    timings: list = field(default_factory=list)

    @property
    def label(self) -> str:
        """Part of every unique name, so a second seed can be added to the same database."""
        return f"V{self.seed}"

    def count(self, name: str) -> int:
        return scaled(SPEC[name], self.scale)

    def moment(self, days: float, hour: int = 17) -> datetime:
        """An aware datetime ``days`` from today at ``hour`` o'clock local time."""
        day = self.today + timedelta(days=math.floor(days))
        return timezone.make_aware(datetime(day.year, day.month, day.day, hour))

    def bulk(self, model, objects, name: str | None = None) -> list:
        """bulk_create in batches; rows get their primary keys (PostgreSQL and SQLite ≥ 3.35)."""
        made = model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        if name:
            self.created[name] = self.created.get(name, 0) + len(made)
        return made

    def split(self, total: int, parts: int) -> list[int]:
        """``total`` shared over ``parts`` as evenly as the seed allows (each part ≥ 0)."""
        base, rest = divmod(total, parts)
        shares = [base] * parts
        for index in self.rng.sample(range(parts), rest):
            shares[index] += 1
        return shares


def volume_modules():
    for app in settings.PORTAL_APPS:
        name = f"{app}.volume"
        if util.find_spec(name) is not None:
            yield import_module(name)


@transaction.atomic
def generate(scale: float = 1.0, seed: int = 1, today: date | None = None) -> VolumeContext:
    if scale <= 0:
        raise VolumeError("scale must be above 0")
    ctx = VolumeContext(
        scale=scale,
        seed=seed,
        today=today or timezone.localdate(),
        rng=random.Random(seed),  # noqa: S311 - test data, not secrets
    )
    for module in volume_modules():
        started = time.monotonic()
        module.generate(ctx)
        ctx.timings.append((module.__name__.split(".")[0], time.monotonic() - started))
    return ctx
