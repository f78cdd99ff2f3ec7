from io import StringIO

from django.apps import apps
from django.core.management import call_command

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
    call_command("load_demo", stdout=StringIO())
    first = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == first
    assert first["accounts.User"] >= 6


def test_demo_municipality_contents(db):
    call_command("load_demo", stdout=StringIO())
    assert User.objects.filter(is_administrator=True).exists()
    names = set(Unit.objects.values_list("name", flat=True))
    assert {"Rus- og Psykiatritjenesten", "Voksenhandicap", "Hjemløseenheden"} <= names
    assert FocusArea.objects.count() == 5
    caseworker = User.objects.get(email="sagsbehandler@demokommune.example")
    assert caseworker.check_password("Brugerraad-demo-2026")
    assert caseworker.unit_staff.exists()
