"""Which roles a user holds, gathered from every app that defines one.

accounts knows only the administrator role; organisation adds caseworkers,
councils adds members and secretaries. Each registers a provider.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    order: int
    # Staff roles must use two-factor authentication when PORTAL_REQUIRE_STAFF_MFA is on.
    staff: bool = False


ADMINISTRATOR = Role("administrator", _("Administrator"), 10, staff=True)

_providers: list[Callable] = []


def register_role_provider(provider: Callable) -> None:
    if provider.__qualname__ not in {p.__qualname__ for p in _providers}:
        _providers.append(provider)


def roles_for(user) -> list[Role]:
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        found = {role for provider in _providers for role in provider(user)}
        cached = sorted(found, key=lambda r: r.order)
        user._portal_roles = cached
    return cached


def is_staff_role_holder(user) -> bool:
    return any(role.staff for role in roles_for(user))
