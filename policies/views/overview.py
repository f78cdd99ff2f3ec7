from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from organisation.roles import staffed_unit_ids
from policies.filters import filtered_goals
from policies.models import GoalStatus, InvolvementLevel, UnitGoal, ladder

# Rows are units: at municipal scale (300 units × years × areas) one page would be megabytes.
UNITS_PER_PAGE = 50
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

    @property
    def cells(self) -> list[str]:
        # Strings, not ints: the template engine localizes every int, ~40 µs each × thousands.
        return [str(n) for n in (self.total, *self.statuses, *self.levels)]


@dataclass
class UnitRow:
    name: str
    counts: Counts
    url: str


@dataclass
class AreaGroup:
    name: str
    focus_area_id: int | None = None
    rows: list = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


@dataclass
class YearTable:
    year: int
    areas: list = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


def _aggregates():
    aggregates = {f"s{i}": Count("pk", filter=Q(status=s)) for i, s in enumerate(STATUSES)}
    aggregates |= {f"l{i}": Count("pk", filter=Q(level=lv)) for i, lv in enumerate(LEVELS)}
    return aggregates


def _counts(row) -> Counts:
    return Counts(
        row["total"],
        [row[f"s{i}"] for i in range(len(STATUSES))],
        [row[f"l{i}"] for i in range(len(LEVELS))],
    )


def overview_tables(goals, unit_ids=None) -> list[YearTable]:
    """Goals counted by year × focus area × unit, by status and by level, in one query.

    With ``unit_ids`` (a page of units) only those units get rows, and the
    totals, from a second query, still count every unit's goals.
    """
    rows = (
        (goals if unit_ids is None else goals.filter(unit_id__in=unit_ids))
        .order_by()
        .values(
            "year",
            "focus_area_id",
            "focus_area__number",
            "focus_area__name",
            "unit_id",
            "unit__name",
        )
        .annotate(total=Count("pk"), **_aggregates())
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
            table.areas.append(AreaGroup(area_name, row["focus_area_id"]))
        counts = _counts(row)
        query = urlencode(
            {"year": row["year"], "focus_area": row["focus_area_id"], "unit": row["unit_id"]}
        )
        table.areas[-1].rows.append(UnitRow(row["unit__name"], counts, f"{goal_list}?{query}"))
        table.areas[-1].counts.add(counts)
        table.counts.add(counts)
    if unit_ids is not None:
        _count_every_unit(goals, tables)
    return tables


def _count_every_unit(goals, tables):
    totals = {
        (row["year"], row["focus_area_id"]): _counts(row)
        for row in goals.order_by()
        .values("year", "focus_area_id")
        .annotate(total=Count("pk"), **_aggregates())
    }
    for table in tables:
        table.counts = Counts()
        for area in table.areas:
            area.counts = totals[(table.year, area.focus_area_id)]
        for (year, _area), counts in totals.items():
            if year == table.year:
                table.counts.add(counts)


def overview(request):
    form, goals = filtered_goals(request, with_status_and_level=False)
    units = goals.order_by("unit__name", "unit_id").values_list("unit_id", flat=True).distinct()
    page = Paginator(units, UNITS_PER_PAGE).get_page(request.GET.get("page"))
    paginated = page.has_other_pages()
    return render(
        request,
        "policies/overview.html",
        {
            "filter_form": form,
            "tables": overview_tables(goals, list(page) if paginated else None),
            "page_obj": page,
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
