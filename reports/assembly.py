"""The status per focus area, assembled from the year's unit goals and initiatives."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from actionplans.models import Initiative
from organisation.models import FocusArea
from policies.models import GoalStatus, InvolvementLevel, UnitGoal


@dataclass
class FocusAreaStatus:
    focus_area: FocusArea
    narrative: str = ""
    goals: list = field(default_factory=list)
    goals_by_status: list = field(default_factory=list)
    goals_by_level: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    initiatives_by_status: list = field(default_factory=list)
    cost_by_funding: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.goals or self.initiatives or self.narrative)


def _counts(items, attr, choices):
    counter = Counter(getattr(item, attr) for item in items)
    return [(label, counter.get(value, 0)) for value, label in choices]


def _cost_by_funding(initiatives):
    rows = []
    for value, label in Initiative.Funding.choices:
        chosen = [i for i in initiatives if i.funding == value and i.cost is not None]
        yearly = sum((i.cost for i in chosen if i.recurrence == "yearly"), Decimal(0))
        one_off = sum((i.cost for i in chosen if i.recurrence != "yearly"), Decimal(0))
        if chosen:
            rows.append((label, yearly, one_off))
    return rows


def assemble(report) -> list[FocusAreaStatus]:
    """One FocusAreaStatus per focus area, in the areas' order. Three queries in all."""
    narratives = {n.focus_area_id: n.text for n in report.narratives.all()}
    # Only what the public may read (each model's own visible_to): a published report is public.
    public = AnonymousUser()
    goals = list(
        UnitGoal.objects.visible_to(public)
        .filter(year=report.year)
        .select_related("unit", "focus_area")
        .order_by("unit__name", "title")
    )
    initiatives = list(
        Initiative.objects.visible_to(public)
        .filter(budget_year=report.year)
        .select_related("plan", "responsible_unit", "focus_area")
        .order_by("plan__case_number", "number")
    )
    areas = []
    for area in FocusArea.objects.order_by("number"):
        area_goals = [g for g in goals if g.focus_area_id == area.pk]
        area_initiatives = [i for i in initiatives if i.focus_area_id == area.pk]
        areas.append(
            FocusAreaStatus(
                focus_area=area,
                narrative=narratives.get(area.pk, ""),
                goals=area_goals,
                goals_by_status=_counts(area_goals, "status", GoalStatus.choices),
                goals_by_level=_counts(area_goals, "level", InvolvementLevel.choices),
                initiatives=area_initiatives,
                initiatives_by_status=_counts(
                    area_initiatives, "status", Initiative.Status.choices
                ),
                cost_by_funding=_cost_by_funding(area_initiatives),
            )
        )
    return areas
