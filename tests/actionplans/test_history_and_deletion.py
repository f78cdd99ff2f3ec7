"""Initiatives of a submitted plan stay; plans and initiatives keep a change history."""

from decimal import Decimal
from importlib import import_module
from unittest import mock

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from actionplans import services
from actionplans.models import ActionPlan, Initiative
from policies.history import PER_PAGE
from tests.actionplans.factories import ActionPlanFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

Status = ActionPlan.Status


def delete_url(initiative):
    return reverse(
        "actionplans:initiative_delete",
        kwargs={"pk": initiative.plan_id, "letter": initiative.letter},
    )


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.APPROVED, Status.REJECTED, Status.RETURNED]
)
def test_initiative_of_a_submitted_plan_cannot_be_deleted(client, administrator, status):
    plan = ActionPlanFactory(status=status)
    initiative = InitiativeFactory(plan=plan)
    client.force_login(administrator)

    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Slet initiativ" not in page
    assert delete_url(initiative) not in page

    for method in (client.get, client.post):
        response = method(delete_url(initiative))
        assert response.status_code == 403
        text = response.content.decode()
        assert "Initiativet kan ikke slettes, fordi handleplanen er indstillet til udvalget" in text
        assert "Ja, slet initiativet" not in text
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_initiative_of_a_draft_is_deleted_and_the_control_shown(client, world, administrator):
    initiative = world["draft_initiative"]
    client.force_login(administrator)
    assert delete_url(initiative) in client.get(initiative.get_absolute_url()).content.decode()
    assert client.post(delete_url(initiative)).status_code == 302
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    record = Initiative.history.filter(id=initiative.pk).latest()
    assert (record.history_type, record.history_user) == ("-", administrator)


def test_service_refuses_even_when_the_plan_was_submitted_meanwhile(world, administrator):
    initiative = world["draft_initiative"]
    stale_plan = initiative.plan
    services.submit_plan(plan=ActionPlan.objects.get(pk=stale_plan.pk), by=administrator)
    with pytest.raises(ValidationError, match="kan ikke slettes"):
        services.delete_initiative(initiative=initiative, by=administrator)
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def initiative_data(initiative, **changes):
    data = {
        "title": initiative.title,
        "description": initiative.description,
        "funding": initiative.funding,
        "fund_name": initiative.fund_name,
        "cost": "" if initiative.cost is None else str(initiative.cost).replace(".", ","),
        "recurrence": initiative.recurrence,
        "budget_year": initiative.budget_year or "",
        "status": initiative.status,
        "focus_area": initiative.focus_area_id or "",
        "responsible_unit": initiative.responsible_unit_id or "",
        "unit_goals": list(initiative.unit_goals.values_list("pk", flat=True)),
        "agenda_items": list(initiative.agenda_items.values_list("pk", flat=True)),
    }
    data.update(changes)
    return data


def test_initiative_change_records_who_what_before_and_after(client, world, administrator):
    initiative = world["initiative"]
    client.force_login(administrator)
    url = reverse(
        "actionplans:initiative_update",
        kwargs={"pk": initiative.plan_id, "letter": initiative.letter},
    )
    response = client.post(
        url, initiative_data(initiative, cost="125.000,50", status="in_progress")
    )
    assert response.status_code == 302

    record = Initiative.history.filter(id=initiative.pk).latest()
    assert (record.history_type, record.history_user) == ("~", administrator)
    assert record.cost == Decimal("125000.50")
    assert record.prev_record.cost == Decimal("1000")

    response = client.get(initiative.get_absolute_url())
    newest = response.context["history"][0]
    assert newest.who == administrator
    assert {(c.label, c.before, c.after) for c in newest.changes} == {
        ("Udgift (kr.)", "1.000,00", "125.000,50"),
        ("Status", "Planlagt", "I gang"),
    }
    page = response.content.decode()
    assert "Historik" in page and administrator.full_name in page

    # The public reads the history of an approved plan's initiative, without names.
    client.logout()
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "125.000,50" in page
    assert administrator.full_name not in page


def test_plan_history_shows_edits_and_the_committee_decision(client, world, administrator):
    plan = world["draft_plan"]
    client.force_login(administrator)
    client.post(
        reverse("actionplans:plan_update", kwargs={"pk": plan.pk}),
        {
            "title": "Handleplan for pårørende",
            "case_number": plan.case_number,
            "committee": plan.committee_id,
            "administration": plan.administration_id,
        },
    )
    client.post(reverse("actionplans:plan_submit", kwargs={"pk": plan.pk}))
    client.post(
        reverse("actionplans:plan_decision", kwargs={"pk": plan.pk}),
        {"outcome": "approved", "decision_date": "2010-09-08", "decision_text": "Godkendt"},
    )
    history = client.get(plan.get_absolute_url()).context["history"]
    changes = [{(c.label, c.before, c.after) for c in e.changes} for e in history]
    assert all(e.who == administrator for e in history if e.kind == "~")
    assert ("Titel", "Kladde til handleplan", "Handleplan for pårørende") in changes[2]
    assert ("Status", "Kladde", "Indstillet til udvalget") in changes[1]
    assert ("Status", "Indstillet til udvalget", "Godkendt") in changes[0]
    assert ("Beslutning", "", "Godkendt") in changes[0]


def test_adding_initiatives_adds_no_empty_plan_history(world):
    plan = world["draft_plan"]
    before = plan.history.count()
    for _ in range(3):
        InitiativeFactory(plan=plan)
    assert plan.history.count() == before


def test_initiative_history_is_paginated(client, world, administrator):
    initiative = world["initiative"]
    for i in range(PER_PAGE + 5):
        initiative.title = f"Titel {i}"
        initiative.save()
    client.force_login(administrator)
    history = client.get(initiative.get_absolute_url()).context["history"]
    assert (len(history), history.paginator.num_pages) == (PER_PAGE, 2)
    second = client.get(initiative.get_absolute_url(), {"historik": 2}).context["history"]
    assert second[-1].kind == "+"


def test_migration_gives_existing_rows_a_starting_record(world):
    initiative = world["initiative"]
    Initiative.history.filter(id=initiative.pk).delete()
    ActionPlan.history.all().delete()
    migration = import_module("actionplans.migrations.0003_history")
    migration.baseline_records(apps, mock.Mock(connection=connection))
    (record,) = Initiative.history.filter(id=initiative.pk)
    assert (record.history_type, record.title, record.cost) == (
        "+",
        initiative.title,
        Decimal(1000),
    )
    assert ActionPlan.history.filter(history_type="+").count() == ActionPlan.objects.count()
