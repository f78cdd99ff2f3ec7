import pytest

from core.demo import load_demo
from policies.models import GoalUpdate, PolicyVersion, UnitGoal
from tests.policies.factories import ensure_focus_areas

pytestmark = pytest.mark.django_db


def test_demo_loads_seed_001_policy_and_goals_and_is_idempotent():
    ensure_focus_areas()
    ctx = load_demo()
    counts = (PolicyVersion.objects.count(), UnitGoal.objects.count(), GoalUpdate.objects.count())
    load_demo()
    assert (
        PolicyVersion.objects.count(),
        UnitGoal.objects.count(),
        GoalUpdate.objects.count(),
    ) == counts

    current = ctx.objects["policy"]
    assert current.status == "adopted"
    assert current.title.startswith("Politik for brugerinddragelse for ældre, børn")
    assert current.adopted_on.isoformat() == "2012-12-17"
    assert current.adopted_by_label == "Byrådet"
    assert "Dette skal ske i dialog med brugerne og dokumenteres." in current.unit_duties
    assert all(text for _heading, text in current.sections())

    goals = UnitGoal.objects.all()
    assert {g.year for g in goals} == {2010, 2011}
    assert {g.unit.name for g in goals} == set(ctx.units)
    assert {g.focus_area.number for g in goals} == {1, 2, 3, 4, 5}
    assert {g.level for g in goals} == {"control", "influence", "involvement", "participation"}
    assert GoalUpdate.objects.exists()
    # The demo caseworker works in Rus- og Psykiatritjenesten and has goals to edit there.
    caseworker = ctx.users["caseworker"]
    own = goals.filter(unit=ctx.units["Rus- og Psykiatritjenesten"])
    assert own.exists()
    assert all(caseworker.has_perm("policies.change_unitgoal", g) for g in own)
