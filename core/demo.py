"""The demo municipality, assembled from each app's ``demo.py``.

Each app in settings.PORTAL_APPS may have a module ``<app>.demo`` with a
function ``load(ctx)``. They run in dependency order; each must be idempotent
(look rows up by natural keys, never create blindly), so ``load_demo`` can run
any number of times.
"""

from dataclasses import dataclass, field
from importlib import import_module, util

from django.conf import settings
from django.db import transaction

DEMO_PASSWORD = "Brugerraad-demo-2026"  # noqa: S105 - published demo login, see README


@dataclass
class DemoContext:
    password: str = DEMO_PASSWORD
    # Shared between app loaders, e.g. ctx.users["caseworker"], ctx.units["Voksenhandicap"].
    users: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    log: list = field(default_factory=list)


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
