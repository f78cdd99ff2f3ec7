"""Builders: the one way a row is made, shared by the demo, the volume generator and the tests.

Each app has ``<app>/builders.py`` with one function per model, named after it
(``councils.builders.meeting``). A builder takes keyword arguments, fills in the
model's sensible defaults for what is not given, and returns an **unsaved**
instance: the demo loader saves it once it found no row with the same natural
key (``core.demo.ensure``), the volume generator bulk-inserts lists of them, and
the test factories (``tests.factories.BuilderFactory``) save what they built.
Related rows are never made by a builder: the caller passes them.

A default that is callable (``timezone.now``) is called each time it is used.
"""

from importlib import import_module, util

_BUILDERS = {}


def builds(model):
    """Registers the decorated function as ``model``'s builder."""

    def register(function):
        _BUILDERS[model] = function
        function.model = model
        return function

    return register


def build(model, fields: dict, **defaults):
    """``model(**defaults, **fields)``, calling the defaults that are callable and not given."""
    values = {
        name: value() if callable(value) else value
        for name, value in defaults.items()
        if name not in fields
    }
    return model(**values, **fields)


def builder_for(model):
    """The builder registered for ``model`` (importing ``<app>.builders``), or None."""
    if model not in _BUILDERS:
        name = f"{model._meta.app_config.name}.builders"
        if util.find_spec(name) is not None:
            import_module(name)
    return _BUILDERS.get(model)
