"""Extension points that let each app plug into the shared layout.

Dependencies point one way (reports → … → accounts), so the shared layout
cannot import the apps built on top of it. Instead each app registers its
navigation entries and start-page panels here from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    order: int


@dataclass(frozen=True)
class HomePanel:
    template_name: str
    order: int
    # Returns the panel's context, or None when the panel is not for this request.
    context: Callable


_nav: list[NavEntry] = []
_panels: list[HomePanel] = []


def register_nav(label, url_name: str, order: int) -> None:
    entry = NavEntry(label, url_name, order)
    if entry not in _nav:
        _nav.append(entry)
        _nav.sort(key=lambda e: e.order)


def nav_entries() -> list[NavEntry]:
    return list(_nav)


def register_home_panel(template_name: str, order: int, context: Callable) -> None:
    if any(p.template_name == template_name for p in _panels):
        return
    _panels.append(HomePanel(template_name, order, context))
    _panels.sort(key=lambda p: p.order)


def home_panels(request) -> list[tuple[str, dict]]:
    shown = []
    for panel in _panels:
        ctx = panel.context(request)
        if ctx is not None:
            shown.append((panel.template_name, ctx))
    return shown
