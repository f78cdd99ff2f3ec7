import rules

from accounts.rules import is_administrator
from organisation.rules import is_caseworker


@rules.predicate
def plan_is_public(user, plan):
    return plan is not None and plan.status == "approved"


@rules.predicate
def plan_is_staff_readable(user, plan):
    from actionplans.models import ActionPlan

    return plan is not None and plan.status in ActionPlan.Status.staff_readable()


@rules.predicate
def plan_is_draft(user, plan):
    return plan is not None and plan.status == "draft"


@rules.predicate
def initiatives_removable(user, obj):
    """The plan (given itself, or through one of its initiatives) is still a draft."""
    plan = getattr(obj, "plan", obj)
    return plan is not None and plan.status == "draft"


# Must agree with ActionPlan.objects.visible_to (the views read through that).
can_view_plan = is_administrator | plan_is_public | (is_caseworker & plan_is_staff_readable)

rules.add_perm("actionplans.view_actionplan", can_view_plan)
rules.add_perm("actionplans.add_actionplan", is_administrator)
rules.add_perm("actionplans.change_actionplan", is_administrator)
# Only drafts may go: a plan that has been before the committee is a record.
rules.add_perm("actionplans.delete_actionplan", is_administrator & plan_is_draft)
rules.add_perm("actionplans.add_initiative", is_administrator)
rules.add_perm("actionplans.change_initiative", is_administrator)
# Once the plan has gone to the committee its initiatives are part of the record.
rules.add_perm("actionplans.delete_initiative", is_administrator & initiatives_removable)
