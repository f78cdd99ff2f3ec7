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


def admin_object(name):
    """The admin page's kwargs for ``world[name]``."""
    return lambda world: {"object_id": world[name].pk}


def admin_history(name):
    """The admin's kwargs for an old version of ``world[name]`` in its history."""

    def kwargs(world):
        obj = world[name]
        return {"object_id": obj.pk, "version_id": obj.history.earliest().history_id}

    return kwargs


def locked_admin_rows(model, name, label, *, change_locked=True):
    """The Django admin's pages of a record that locks (``model`` as in its URL names, e.g.
    ``councils_meeting``; ``world[name]`` is locked): administrators read them, nobody changes
    or deletes it there (core.admin.RulesAdminMixin; the apps' test_admin_*.py post whole forms).
    ``change_locked=False``: the change form still takes a post (some fields stay editable).
    """
    kwargs = admin_object(name)
    change, delete = f"admin:{model}_change", f"admin:{model}_delete"
    post_change = [Row(change, django_admin(403), kwargs=kwargs, method="post", label=label)]
    return [
        Row(change, django_admin(200), kwargs=kwargs, label=label),
        *(post_change if change_locked else []),
        Row(delete, django_admin(403), kwargs=kwargs, label=label),
        Row(
            delete,
            django_admin(403),
            kwargs=kwargs,
            method="post",
            data={"post": "yes"},
            label=label,
        ),
    ]


def admin_history_rows(model, name):
    """An old version of ``world[name]`` in the admin: shown, never restored (core.admin)."""
    kwargs = admin_history(name)
    url_name = f"admin:{model}_simple_history"
    return [
        Row(url_name, django_admin(200), kwargs=kwargs),
        Row(url_name, django_admin(403), kwargs=kwargs, method="post"),
    ]


def all_rows() -> list[Row]:
    rows = []
    for module in app_test_modules("permissions"):
        rows.extend(module.ROWS)
    return rows
