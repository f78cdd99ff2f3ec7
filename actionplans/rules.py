"""Who may change action plans. Who reads them is ``ActionPlan.objects.visible_to``
(actionplans/models.py), the one place that decides it; every view reads through it."""

import rules

from accounts.rules import is_administrator


@rules.predicate
def plan_is_draft(user, plan):
    return plan is not None and plan.status == "draft"


@rules.predicate
def initiatives_removable(user, obj):
    """The plan (given itself, or through one of its initiatives) is still a draft."""
    plan = getattr(obj, "plan", obj)
    return plan is not None and plan.status == "draft"


rules.add_perm("actionplans.add_actionplan", is_administrator)
rules.add_perm("actionplans.change_actionplan", is_administrator)
# Only drafts may go: a plan that has been before the committee is a record.
rules.add_perm("actionplans.delete_actionplan", is_administrator & plan_is_draft)
rules.add_perm("actionplans.add_initiative", is_administrator)
rules.add_perm("actionplans.change_initiative", is_administrator)
# Once the plan has gone to the committee its initiatives are part of the record.
rules.add_perm("actionplans.delete_initiative", is_administrator & initiatives_removable)
