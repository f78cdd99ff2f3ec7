"""A plan's committee decision and an approved plan's status never change in the Django admin."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import User
from actionplans.models import ActionPlan, StatusChange
from tests.accounts.factories import AdministratorFactory
from tests.adminform import change_url, delete_selected, delete_url, form_data

pytestmark = pytest.mark.django_db

DECISION_FIELDS = ["status", "decision_date", "decision_text"]


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def _decision(plan):
    return ActionPlan.objects.filter(pk=plan.pk).values(*DECISION_FIELDS).get()


@pytest.mark.parametrize("name", ["plan", "submitted_plan", "draft_plan"])
def test_decision_fields_are_not_offered(admin_client, world, name):
    body = admin_client.get(change_url(world[name])).content.decode()
    for field in DECISION_FIELDS:
        assert f'name="{field}"' not in body


@pytest.mark.parametrize("name", ["plan", "submitted_plan"])
def test_posted_decision_is_ignored_the_rest_is_saved_and_in_history(
    admin_client, administrator, world, name
):
    plan = world[name]
    before = _decision(plan)
    data = form_data(
        admin_client,
        change_url(plan),
        title="Ny titel",
        status=ActionPlan.Status.DRAFT,
        decision_date="2010-01-01",
        decision_text="Omskrevet beslutning",
    )
    assert admin_client.post(change_url(plan), data).status_code == 302
    assert _decision(plan) == before
    plan.refresh_from_db()
    assert plan.title == "Ny titel"
    latest = plan.history.latest()
    assert latest.title == "Ny titel"
    assert latest.history_user == administrator


def test_approved_plan_cannot_be_reverted_from_its_history(admin_client, world):
    plan = world["plan"]
    # An old version from before the decision…
    plan.history.update(status=ActionPlan.Status.SUBMITTED, decision_date=None, decision_text="")
    old = plan.history.earliest()
    url = reverse("admin:actionplans_actionplan_simple_history", args=[plan.pk, old.history_id])
    assert admin_client.get(url).status_code == 200
    # …is shown, but posting it back restores nothing.
    before = _decision(plan)
    assert admin_client.post(url, form_data(admin_client, change_url(plan))).status_code == 403
    assert _decision(plan) == before


def test_decided_plan_cannot_be_deleted(admin_client, world):
    plan = world["plan"]
    assert admin_client.get(delete_url(plan)).status_code == 403
    assert admin_client.post(delete_url(plan), {"post": "yes"}).status_code == 403
    assert delete_selected(admin_client, [plan, world["draft_plan"]]).status_code == 403
    assert ActionPlan.objects.filter(pk__in=[plan.pk, world["draft_plan"].pk]).count() == 2


def test_status_changes_are_read_only(admin_client, world):
    plan = world["plan"]
    StatusChange.objects.create(
        plan=plan,
        from_status="submitted",
        to_status="approved",
        decision_date=datetime.date(2010, 9, 8),
        decision_text="Godkendt",
    )
    body = admin_client.get(change_url(plan)).content.decode()
    assert "Godkendt" in body
    assert 'name="status_changes-0-decision_text"' not in body
    assert 'name="status_changes-0-DELETE"' not in body


def test_recorder_of_a_decision_cannot_be_deleted_others_can(admin_client, world):
    recorder, submitter = AdministratorFactory(), AdministratorFactory()
    plan = world["plan"]
    StatusChange.objects.create(
        plan=plan, from_status="draft", to_status="submitted", changed_by=submitter
    )
    decision = StatusChange.objects.create(
        plan=plan,
        from_status="submitted",
        to_status="approved",
        decision_date=plan.decision_date,
        decision_text=plan.decision_text,
        changed_by=recorder,
    )
    delete = lambda user: admin_client.post(  # noqa: E731
        reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"}
    )
    assert delete(recorder).status_code == 200
    assert User.objects.filter(pk=recorder.pk).exists()
    decision.refresh_from_db()
    assert decision.changed_by == recorder
    assert delete(submitter).status_code == 302
    assert not User.objects.filter(pk=submitter.pk).exists()
