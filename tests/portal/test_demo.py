from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User
from organisation.models import FocusArea, Unit


def _counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"accounts", "organisation", "councils", "policies", "actionplans", "reports"}
    }


def test_load_demo_twice_gives_identical_counts(db):
    call_command("load_demo", "--force-insecure-demo", stdout=StringIO())
    first = _counts()
    call_command("load_demo", "--force-insecure-demo", stdout=StringIO())
    assert _counts() == first
    assert first["accounts.User"] >= 6


def test_demo_municipality_contents(db):
    call_command("load_demo", "--force-insecure-demo", stdout=StringIO())
    assert User.objects.filter(is_administrator=True).exists()
    names = set(Unit.objects.values_list("name", flat=True))
    assert {"Rus- og Psykiatritjenesten", "Voksenhandicap", "Hjemløseenheden"} <= names
    assert FocusArea.objects.count() == 5
    caseworker = User.objects.get(email="sagsbehandler@demokommune.example")
    assert caseworker.check_password("Brugerraad-demo-2026")
    assert caseworker.unit_staff.exists()


def test_load_demo_refuses_with_debug_off_and_stores_nothing(db, settings):
    settings.DEBUG = False
    users_before = User.objects.count()
    with pytest.raises(CommandError, match="--force-insecure-demo") as refused:
        call_command("load_demo", stdout=StringIO())
    assert "DJANGO_DEBUG" in str(refused.value)
    assert User.objects.count() == users_before
    assert not User.objects.filter(email="administrator@demokommune.example").exists()


def test_load_demo_runs_with_debug_off_when_forced(db, settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("load_demo", "--force-insecure-demo", stdout=out)
    assert User.objects.filter(email="administrator@demokommune.example").exists()
    assert "Brugerraad-demo-2026" in out.getvalue()


def test_load_demo_runs_with_debug_on_without_the_flag(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    assert User.objects.filter(email="administrator@demokommune.example").exists()
