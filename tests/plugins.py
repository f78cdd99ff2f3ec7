from importlib import import_module, util

from django.conf import settings


def app_test_modules(module: str):
    """Yields ``tests.<app>.<module>`` for every app that has one, in dependency order."""
    for app in ["portal", *settings.PORTAL_APPS]:
        name = f"tests.{app}.{module}"
        try:
            found = util.find_spec(name) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            yield import_module(name)
