"""The registry is the one place personal data is declared: every model that points at a
user is either a kind of the registry or named here with the reason it is not one."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import QuerySet
from simple_history.models import HistoricalChanges

from core.personaldata import kinds
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

# Stamps of who did something in office on a record that is not about them; the record is
# the municipality's, and the stamp goes with the pseudonymised account.
NOT_A_KIND = {
    "actionplans.statuschange",  # changed_by: who recorded the committee's decision
    "councils.response",  # recorded_by: who typed in the administration's response
    "reports.statusreport",  # published_by
    "reports.rendition",  # requested_by: who asked for a PDF
    "privacy.privacyaction",  # actor: the record of a privacy action itself
}


def _models_pointing_at_users():
    found = set()
    for app in settings.PORTAL_APPS:
        for model in apps.get_app_config(app).get_models():
            if issubclass(model, HistoricalChanges):
                continue  # history is rewritten as a whole by the pseudonymiser
            for field in model._meta.concrete_fields:
                if field.is_relation and field.related_model is apps.get_model(
                    settings.AUTH_USER_MODEL
                ):
                    found.add(model._meta.label_lower)
    return found


def test_every_model_that_points_at_a_user_is_declared():
    user = UserFactory()
    covered = set()
    for kind in kinds():
        if kind.rows:
            rows = kind.rows(user)
            if isinstance(rows, QuerySet):
                covered.add(rows.model._meta.label_lower)
    covered.add(settings.AUTH_USER_MODEL.lower())
    undeclared = _models_pointing_at_users() - covered - NOT_A_KIND
    assert not undeclared, f"declare these in <app>/personaldata.py: {sorted(undeclared)}"


def test_every_kind_has_a_unique_name_and_a_label():
    names = [kind.name for kind in kinds()]
    assert len(names) == len(set(names))
    assert all(str(kind.label) for kind in kinds())
