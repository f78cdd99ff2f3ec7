"""The permission matrix: every URL of the portal's own apps × every role.

Each app lists its rows in ``tests/<app>/permissions.py`` as ``ROWS``.
An outcome is an HTTP status (200, 403, 404, 405…) or LOGIN, a redirect to
the login page (the portal's, or the Django admin's for ``admin:`` rows).
``kwargs`` and ``data`` may be callables taking the world, so rows can point
at objects built by ``tests/<app>/world.py``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.plugins import app_test_modules
from tests.world import ROLES

LOGIN = "login"


@dataclass(frozen=True)
class Row:
    url_name: str
    expect: dict
    kwargs: Callable | dict = field(default_factory=dict)
    method: str = "get"
    data: Callable | dict | None = None
    # Rows for the same URL name with different objects or methods are told apart by this.
    label: str = ""

    def __post_init__(self):
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"{self.url_name}: no expected outcome for {sorted(missing)}")

    @property
    def id(self):
        return f"{self.url_name}[{self.method}{'-' + self.label if self.label else ''}]"


def expect(default, **overrides):
    """Expected outcome per role: ``default`` for every role not named."""
    unknown = set(overrides) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    return {role: overrides.get(role, default) for role in ROLES}


def public(status=200):
    return expect(status)


def logged_in(status=200, **overrides):
    return expect(status, anonymous=LOGIN, **overrides)


def django_admin(status=200):
    """A Django admin page: administrators only; everyone else is sent to log in."""
    return expect(LOGIN, administrator=status)


def all_rows() -> list[Row]:
    rows = []
    for module in app_test_modules("permissions"):
        rows.extend(module.ROWS)
    return rows
