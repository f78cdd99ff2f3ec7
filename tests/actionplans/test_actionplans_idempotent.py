"""A second click on "Registrér beslutning" or "Indstil" ends on the plan, not on an error."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from actionplans.models import ActionPlan, StatusChange

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_record_decision_clicked_twice_records_one_decision(client, world, administrator):
    plan = world["submitted_plan"]
    url = reverse("actionplans:plan_decision", args=[plan.pk])
    data = {
        "outcome": ActionPlan.Status.APPROVED,
        "decision_date": "2012-03-01",
        "decision_text": "Indstillingen blev godkendt.",
    }
    client.force_login(administrator)
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == plan.get_absolute_url()
    assert any("allerede registreret" in m for m in _messages(second))
    assert StatusChange.objects.filter(plan=plan, to_status="approved").count() == 1


def test_submit_clicked_twice_submits_once(client, world, administrator):
    plan = world["draft_plan"]
    url = reverse("actionplans:plan_submit", args=[plan.pk])
    client.force_login(administrator)
    client.post(url)
    second = client.post(url)
    assert second["Location"] == plan.get_absolute_url()
    assert any("allerede indstillet" in m for m in _messages(second))
    assert not any("kan ikke ændres" in m for m in _messages(second))
    assert StatusChange.objects.filter(plan=plan, to_status="submitted").count() == 1


def test_the_service_refuses_to_repeat_a_step(world):
    from actionplans import services

    plan = world["submitted_plan"]
    with pytest.raises(services.AlreadyDone):
        services.submit_plan(plan=plan)
