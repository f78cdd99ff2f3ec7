from actionplans.models import ActionPlan
from organisation.models import FocusArea
from tests.actionplans.factories import (
    ActionPlanFactory,
    ApprovedActionPlanFactory,
    InitiativeFactory,
    InitiativeUpdateFactory,
    RecommenderFactory,
)


def extend(world):
    committee = world.objects["committee"]
    administration = world.objects["administration"]
    unit = world.objects["unit"]
    plan = ApprovedActionPlanFactory(
        title="Handleplan for netværk og civilsamfund",
        case_number="2009-93482",
        committee=committee,
        administration=administration,
    )
    plan.recommenders.add(RecommenderFactory(title="Socialdirektøren"))
    world.objects["plan"] = plan
    world.objects["initiative"] = InitiativeFactory(
        plan=plan,
        title="Netværksansvarlig medarbejder",
        responsible_unit=unit,
        focus_area=FocusArea.objects.filter(number=4).first(),
    )
    InitiativeUpdateFactory(initiative=world.objects["initiative"])
    # Links to a public and a hidden goal, and to a public and a members-only agenda item.
    world.objects["initiative"].unit_goals.add(world.objects["goal"], world.objects["draft_goal"])
    world.objects["initiative"].agenda_items.add(
        world.objects["public_item"], world.objects["item"]
    )
    world.objects["draft_plan"] = ActionPlanFactory(
        title="Kladde til handleplan", committee=committee, administration=administration
    )
    world.objects["draft_initiative"] = InitiativeFactory(plan=world.objects["draft_plan"])
    InitiativeUpdateFactory(initiative=world.objects["draft_initiative"], text="Kladdenotat.")
    world.objects["submitted_plan"] = ActionPlanFactory(
        title="Indstillet handleplan",
        committee=committee,
        administration=administration,
        status=ActionPlan.Status.SUBMITTED,
    )
    world.objects["submitted_initiative"] = InitiativeFactory(plan=world.objects["submitted_plan"])
