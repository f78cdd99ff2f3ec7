"""The history of plans and initiatives as readers see it (issue 11, point 4).

Readers (everybody who may not edit the plan: the public, members, caseworkers)
see the history from when the plan was put before the committee, "Forvaltningen"
instead of a name, and only that free text changed, never its earlier wording.
Administrators, who edit plans, see the full record.
"""

import datetime

import pytest

from actionplans import services
from actionplans.models import ActionPlan
from policies.history import READER_WHO
from tests.actionplans.factories import ActionPlanFactory, InitiativeFactory
from tests.policies.helpers import acting_as
from tests.policies.history_markers import history_section, plant_and_replace
from tests.world import ROLES

pytestmark = pytest.mark.django_db

DRAFT_ECONOMY = "INTERNT UDKAST: Hvis pengene ikke rækker, må vi lukke bostedet Solgården."


def _plan_with_a_draft_past(world, *, approve=True):
    admin = world.users["administrator"]
    plan = ActionPlanFactory(committee=world["committee"], administration=world["administration"])
    initiative = InitiativeFactory(plan=plan)
    markers = {"plan": plant_and_replace(plan, admin), "initiative": []}
    markers["initiative"] += plant_and_replace(initiative, admin)
    with acting_as(admin):
        services.submit_plan(plan=plan, by=admin)
        if approve:
            services.record_decision(
                plan=plan,
                outcome=ActionPlan.Status.APPROVED,
                decision_date=datetime.date(2026, 3, 4),
                decision_text="Godkendt.",
                by=admin,
            )
    plan.refresh_from_db()
    initiative.refresh_from_db()
    # A correction after the committee's treatment (e.g. in the Django admin).
    markers["plan"] += plant_and_replace(plan, admin)
    markers["initiative"] += plant_and_replace(initiative, admin)
    return plan, initiative, markers


def _approved_plan(world):
    plan, _initiative, markers = _plan_with_a_draft_past(world)
    return plan.get_absolute_url(), markers["plan"]


def _initiative(world):
    _plan, initiative, markers = _plan_with_a_draft_past(world)
    return initiative.get_absolute_url(), markers["initiative"]


def _submitted_plan(world):
    plan, _initiative, markers = _plan_with_a_draft_past(world, approve=False)
    return plan.get_absolute_url(), markers["plan"]


PAGES = {"plan": _approved_plan, "initiative": _initiative, "submitted_plan": _submitted_plan}
EDITORS = {"administrator"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", PAGES)
def test_readers_never_see_earlier_free_text_editors_see_it_all(client, world, kind, role):
    url, markers = PAGES[kind](world)
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.status_code != 200:
        # Not a reader of this page (the public and a plan still before the committee).
        assert role not in EDITORS and response.status_code in (302, 403, 404)
        return
    html = response.content.decode()
    if role in EDITORS:
        missing = [m for m in markers if m not in html]
        assert not missing, f"the editor lost the full history: {missing}"
        assert response.context["history"].full
    else:
        leaked = [m for m in markers if m in html]
        assert not leaked, f"{role} read earlier wording on the {kind} page: {leaked}"
        assert not response.context["history"].full


def test_the_public_never_reads_the_draft_economy_of_an_approved_plan(client, world, administrator):
    """The exact case of the issue: an internal draft remark in the economy section."""
    plan = ActionPlanFactory(committee=world["committee"], administration=world["administration"])
    for economy in (DRAFT_ECONOMY, "Initiativerne afholdes inden for den eksisterende ramme."):
        plan.economy = economy
        plan._history_user = administrator
        plan.save()
    # As in a request: simple-history's middleware names the user, not the services.
    with acting_as(administrator):
        services.submit_plan(plan=plan, by=administrator)
        services.record_decision(
            plan=plan,
            outcome=ActionPlan.Status.APPROVED,
            decision_date=datetime.date(2026, 3, 4),
            decision_text="Godkendt.",
            by=administrator,
        )

    html = client.get(plan.get_absolute_url()).content.decode()
    assert "INTERNT UDKAST" not in html
    assert "lukke bostedet" not in html
    # The history shows the committee's handling, from submission on, by role.
    history = client.get(plan.get_absolute_url()).context["history"]
    statuses = [(c.before, c.after) for e in history for c in e.changes if c.label == "Status"]
    assert statuses == [
        ("Indstillet til udvalget", "Godkendt"),
        ("Kladde", "Indstillet til udvalget"),
    ]
    section = history_section(html)
    assert f"af {READER_WHO}" in section and administrator.full_name not in section

    client.force_login(administrator)
    assert "INTERNT UDKAST" in client.get(plan.get_absolute_url()).content.decode()


def test_caseworkers_read_a_submitted_plans_history_from_submission(
    client, world, administrator, caseworker
):
    plan = ActionPlanFactory(committee=world["committee"], administration=world["administration"])
    for title in ("Arbejdstitel: spareplan", "Handleplan for fællesskaber"):
        plan.title = title
        plan._history_user = administrator
        plan.save()
    with acting_as(administrator):
        services.submit_plan(plan=plan, by=administrator)
    client.force_login(caseworker)
    response = client.get(plan.get_absolute_url())
    assert [e.kind for e in response.context["history"]] == ["~"]
    assert "Arbejdstitel" not in response.content.decode()
