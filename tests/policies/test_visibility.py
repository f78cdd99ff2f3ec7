"""Who reads which goals (see the rules at the top of policies/models.py)."""

import pytest

from accounts.roles import Role, register_role_provider
from policies.models import GoalUpdate, PolicyVersion, UnitGoal
from policies.rules import reads_all_goals
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

COUNCIL_MEMBER = Role("member", "Medlem", 30)
_council_members = set()


def council_member_role(user):
    """Stands in for the councils app's provider, so the rule is tested without it."""
    return [COUNCIL_MEMBER] if user.pk in _council_members else []


@pytest.fixture
def council_member(db):
    register_role_provider(council_member_role)
    user = UserFactory(full_name="Rådsmedlem")
    _council_members.add(user.pk)
    yield user
    _council_members.discard(user.pk)


def _titles(qs):
    return set(qs.values_list("title", flat=True))


def test_public_reads_goals_under_adopted_and_archived_policies_only(world):
    from django.contrib.auth.models import AnonymousUser

    visible = UnitGoal.objects.visible_to(AnonymousUser())
    assert set(visible) == {world["goal"], world["other_goal"], world["archived_goal"]}
    assert world["draft_goal"] not in visible


def test_logged_in_user_without_a_role_reads_like_the_public(world):
    nobody = UserFactory()
    assert not reads_all_goals(nobody)
    assert world["draft_goal"] not in UnitGoal.objects.visible_to(nobody)
    assert world["draft_update"] not in GoalUpdate.objects.visible_to(nobody)


@pytest.mark.parametrize("persona", ["caseworker", "other_caseworker", "administrator"])
def test_staff_read_every_goal(world, persona):
    user = world.users[persona]
    assert set(UnitGoal.objects.visible_to(user)) == set(UnitGoal.objects.all())


def test_council_members_read_every_goal(world, council_member, client):
    assert reads_all_goals(council_member)
    assert world["draft_goal"] in UnitGoal.objects.visible_to(council_member)
    client.force_login(council_member)
    assert client.get(world["draft_goal"].get_absolute_url()).status_code == 200
    # Reading is not editing.
    edit = f"/politikker/maal/{world['draft_goal'].pk}/rediger/"
    assert client.get(edit).status_code == 403


def test_drafts_are_for_administrators_only(world, caseworker, administrator):
    assert world["draft_policy"] not in PolicyVersion.objects.visible_to(caseworker)
    assert world["draft_policy"] in PolicyVersion.objects.visible_to(administrator)


def test_caseworker_cannot_choose_a_draft_policy_for_a_goal(client, world, caseworker):
    client.force_login(caseworker)
    response = client.get("/politikker/maal/ny/")
    choices = list(response.context["form"].fields["policy"].queryset)
    assert choices == [world["policy"]]


def test_rules(world, caseworker, other_caseworker, administrator, member):
    goal, other = world["goal"], world["other_goal"]
    assert caseworker.has_perm("policies.change_unitgoal", goal)
    assert not caseworker.has_perm("policies.change_unitgoal", other)
    assert other_caseworker.has_perm("policies.change_unitgoal", other)
    assert administrator.has_perm("policies.change_unitgoal", other)
    assert not member.has_perm("policies.change_unitgoal", goal)
    assert caseworker.has_perm("policies.add_unitgoal", world["unit"])
    assert not caseworker.has_perm("policies.add_unitgoal", world["other_unit"])
    assert not member.has_perm("policies.add_unitgoal")
    assert caseworker.has_perm("policies.delete_goalupdateattachment", world["goal_attachment"])
    assert not caseworker.has_perm(
        "policies.delete_goalupdateattachment", world["other_goal_attachment"]
    )
    assert administrator.has_perm("policies.change_policyversion", world["draft_policy"])
    assert not administrator.has_perm("policies.change_policyversion", world["policy"])
