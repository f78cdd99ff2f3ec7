"""The policies part of the shared test world.

- policy: an adopted policy version (public), with an archived predecessor;
- draft_policy: a draft version of a second policy (administrators only);
- goal: a goal of world["unit"] (the caseworker's) under the adopted policy;
- other_goal: a goal of world["other_unit"] (the other caseworker's);
- draft_goal: a goal of world["unit"] under the draft policy (internal);
- archived_goal: a goal of world["other_unit"] under the archived version (still public);
- update / attachment: an update of goal with a PDF attachment;
- other_update / other_attachment: the same for other_goal;
- draft_update / draft_attachment: the same for draft_goal (internal).
"""

import datetime

from policies.models import PolicyVersion
from tests.policies.factories import (
    AdoptedPolicyVersionFactory,
    GoalUpdateAttachmentFactory,
    GoalUpdateFactory,
    PolicyVersionFactory,
    UnitGoalFactory,
    ensure_focus_areas,
)


def extend(world):
    ensure_focus_areas()
    archived = AdoptedPolicyVersionFactory(
        title="Politik for brugerinddragelse",
        status=PolicyVersion.Status.ARCHIVED,
        adopted_on=datetime.date(2009, 6, 1),
        archived_on=datetime.date(2012, 12, 17),
    )
    policy = AdoptedPolicyVersionFactory(
        policy=archived.policy, number=2, title="Politik for brugerinddragelse"
    )
    draft_policy = PolicyVersionFactory(title="Politik for pårørendeinddragelse")
    world.objects["archived_policy"] = archived
    world.objects["policy"] = policy
    world.objects["draft_policy"] = draft_policy

    unit, other_unit = world.objects["unit"], world.objects["other_unit"]
    world.objects["goal"] = UnitGoalFactory(unit=unit, policy=policy, title="Brugerrådet er med")
    world.objects["other_goal"] = UnitGoalFactory(
        unit=other_unit, policy=policy, title="Beboermøder hver måned"
    )
    world.objects["draft_goal"] = UnitGoalFactory(
        unit=unit, policy=draft_policy, title="Pårørendemøder"
    )
    world.objects["archived_goal"] = UnitGoalFactory(
        unit=other_unit, policy=archived, year=2010, deadline=datetime.date(2010, 12, 31)
    )
    world.objects["update"] = GoalUpdateFactory(goal=world.objects["goal"])
    world.objects["goal_attachment"] = GoalUpdateAttachmentFactory(update=world.objects["update"])
    world.objects["other_update"] = GoalUpdateFactory(goal=world.objects["other_goal"])
    world.objects["other_goal_attachment"] = GoalUpdateAttachmentFactory(
        update=world.objects["other_update"]
    )
    world.objects["draft_update"] = GoalUpdateFactory(goal=world.objects["draft_goal"])
    world.objects["draft_goal_attachment"] = GoalUpdateAttachmentFactory(
        update=world.objects["draft_update"]
    )
