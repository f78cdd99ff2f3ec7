from contextlib import contextmanager

from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from policies.models import UnitGoal


def goal_post_data(goal: UnitGoal, **overrides):
    """The goal form's POST data for ``goal`` as it is now, with some fields changed."""
    data = {
        "unit": goal.unit_id,
        "year": goal.year,
        "policy": goal.policy_id,
        "focus_area": goal.focus_area_id,
        "title": goal.title,
        "involved_in": goal.involved_in,
        "organisation": goal.organisation,
        "level": goal.level,
        "primary_users": goal.primary_users,
        "secondary_users": goal.secondary_users,
        "indicator": goal.indicator,
        "target": goal.target,
        "deadline": goal.deadline.isoformat(),
        "status": goal.status,
        "version": goal.version,
    }
    data.update(overrides)
    return data


@contextmanager
def acting_as(user):
    """Writes outside a request, recorded as ``user``'s: what simple-history's middleware
    does for a request (the services never set the history user themselves)."""
    request = RequestFactory().get("/")
    request.user = user
    HistoricalRecords.context.request = request
    try:
        yield
    finally:
        del HistoricalRecords.context.request
