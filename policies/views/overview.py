from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from organisation.roles import staffed_unit_ids
from policies.filters import filtered_goals
from policies.models import GoalStatus, InvolvementLevel, UnitGoal, ladder

STATUSES = list(GoalStatus)
LEVELS = list(InvolvementLevel)


@dataclass
class Counts:
    total: int = 0
    statuses: list = field(default_factory=lambda: [0] * len(STATUSES))
    levels: list = field(default_factory=lambda: [0] * len(LEVELS))

    def add(self, other):
        self.total += other.total
        self.statuses = [a + b for a, b in zip(self.statuses, other.statuses, strict=True)]
        self.levels = [a + b for a, b in zip(self.levels, other.levels, strict=True)]


@dataclass
class UnitRow:
    name: str
    counts: Counts
    url: str


@dataclass
class AreaGroup:
    name: str
    rows: list = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


@dataclass
class YearTable:
    year: int
    areas: list = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


def overview_tables(goals) -> list[YearTable]:
    """Goals counted by year × focus area × unit, by status and by level, in one query."""
    aggregates = {f"s{i}": Count("pk", filter=Q(status=s)) for i, s in enumerate(STATUSES)}
    aggregates |= {f"l{i}": Count("pk", filter=Q(level=lv)) for i, lv in enumerate(LEVELS)}
    rows = (
        goals.order_by()
        .values(
            "year",
            "focus_area_id",
            "focus_area__number",
            "focus_area__name",
            "unit_id",
            "unit__name",
        )
        .annotate(total=Count("pk"), **aggregates)
        .order_by("-year", "focus_area__number", "unit__name")
    )
    goal_list = reverse("policies:goal_list")
    tables: list[YearTable] = []
    for row in rows:
        if not tables or tables[-1].year != row["year"]:
            tables.append(YearTable(row["year"]))
        table = tables[-1]
        area_name = f"{row['focus_area__number']}) {row['focus_area__name']}"
        if not table.areas or table.areas[-1].name != area_name:
            table.areas.append(AreaGroup(area_name))
        counts = Counts(
            row["total"],
            [row[f"s{i}"] for i in range(len(STATUSES))],
            [row[f"l{i}"] for i in range(len(LEVELS))],
        )
        query = urlencode(
            {"year": row["year"], "focus_area": row["focus_area_id"], "unit": row["unit_id"]}
        )
        table.areas[-1].rows.append(UnitRow(row["unit__name"], counts, f"{goal_list}?{query}"))
        table.areas[-1].counts.add(counts)
        table.counts.add(counts)
    return tables


def overview(request):
    form, goals = filtered_goals(request, with_status_and_level=False)
    return render(
        request,
        "policies/overview.html",
        {
            "filter_form": form,
            "tables": overview_tables(goals),
            "statuses": STATUSES,
            "levels": LEVELS,
            "colspan": 2 + len(STATUSES) + len(LEVELS),
            "ladder": ladder(),
            "export_query": request.GET.urlencode(),
        },
    )


def my_goals_panel(request):
    """Start-page panel for caseworkers: this year's goals of the units they work in."""
    user = request.user
    unit_ids = staffed_unit_ids(user)
    if not unit_ids:
        return None
    year = timezone.localdate().year
    goals = (
        UnitGoal.objects.visible_to(user)
        .filter(unit_id__in=unit_ids, year=year)
        .for_display()
        .order_by("unit__name", "focus_area__number", "title")
    )
    return {
        "year": year,
        "goals": list(goals[:50]),
        "more": goals.count() > 50,
        "list_query": urlencode({"year": year, "mine": "on"}),
    }
