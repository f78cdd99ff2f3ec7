"""A small, coherent municipality that every role-based test shares.

The personas (see ROLES) and the objects each app needs are built by the
``extend(world)`` functions in ``tests/<app>/world.py``, called in the apps'
dependency order. An app adds its objects to ``world.objects`` under clear
names (e.g. ``world.objects["meeting"]``) and may give personas their roles.
"""

from dataclasses import dataclass, field

from tests.plugins import app_test_modules

ROLES = [
    "anonymous",
    "member",
    "outsider",
    "secretary",
    "caseworker",
    "other_caseworker",
    "administrator",
]


class _Registry(dict):
    """A dict that refuses to overwrite a name: two apps must not claim the same object name."""

    def __setitem__(self, key, value):
        if key in self:
            raise KeyError(f"world already has an object named {key!r}; pick an app-specific name")
        super().__setitem__(key, value)


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=_Registry)

    def user(self, role):
        return None if role == "anonymous" else self.users[role]

    def __getitem__(self, name):
        return self.objects[name]


def build_world() -> World:
    world = World()
    for module in app_test_modules("world"):
        module.extend(world)
    return world
