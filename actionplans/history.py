"""The change history of plans and initiatives, as editors and as readers see it.

Readers (everybody who may not edit the plan) see it from when the plan left
draft, i.e. was put before the committee: that is when the plan became a
document of the committee's, the moment "Behandling" on the plan's page starts
from, and the first status in which anybody but the administration may read it
(caseworkers from submission, the public once approved). A plan approved later
thus shows readers its handling from submission on, and nothing of the drafts.
"""

from actionplans.models import ActionPlan
from policies.history import PAGE_PARAMETER, history_page, published_since, start_of


def plan_published_since(plan):
    """When the plan first left draft, or None while readers may not see it at all."""
    if plan.status == ActionPlan.Status.DRAFT:
        return None
    # Without a record of leaving draft (a bulk-loaded plan): from its decision, if any.
    return published_since(
        plan.history,
        fallback=start_of(plan.decision_date),
        status__in=ActionPlan.Status.staff_readable(),
    )


def plan_history(request, plan):
    full = request.user.has_perm("actionplans.change_actionplan", plan)
    return history_page(
        plan,
        request.GET.get(PAGE_PARAMETER),
        full=full,
        since=None if full else plan_published_since(plan),
    )


def initiative_history(request, initiative):
    full = request.user.has_perm("actionplans.change_initiative", initiative.plan)
    return history_page(
        initiative,
        request.GET.get(PAGE_PARAMETER),
        full=full,
        since=None if full else plan_published_since(initiative.plan),
    )
