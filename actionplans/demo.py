"""The action plan of seed 003 (actionplans/demo.toml)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from actionplans.letters import letter_to_number
from actionplans.models import ActionPlan, Initiative, Recommender, StatusChange
from core.demo import demo_data, ensure
from organisation.models import FocusArea
from policies.models import UnitGoal


def _noon(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def _link_goals(initiative, wanted):
    # Only on a fresh initiative: links an administrator removed stay removed.
    if not wanted or initiative.unit_goals.exists():
        return
    for row in wanted:
        goal = UnitGoal.objects.filter(unit__name=row["unit"], title=row["title"]).first()
        if goal is not None:
            initiative.unit_goals.add(goal)


def load(ctx):
    data = demo_data("actionplans")
    row = data["plan"]
    recommenders = [
        ensure(Recommender, {"title": title}, order=order)[0]
        for order, title in enumerate(row["recommenders"])
    ]
    plan, created = ensure(
        ActionPlan,
        {"case_number": row["case_number"], "title": row["title"]},
        committee=ctx.objects["committee"],
        administration=ctx.objects["administration"],
        **row["sections"],
        **ctx.fields(
            ActionPlan,
            row,
            skip={
                "case_number",
                "title",
                "recommenders",
                "focus_area",
                "responsible_unit",
                "sections",
                "status_changes",
            },
        ),
    )
    ctx.objects["action_plan"] = plan
    if created:
        plan.recommenders.set(recommenders)
        for change in row["status_changes"]:
            ensure(
                StatusChange,
                {"plan": plan, "to_status": change["to_status"]},
                changed_at=_noon(change["changed_on"]),
                **ctx.fields(StatusChange, change, skip={"to_status", "changed_on"}),
            )
    focus_area = FocusArea.objects.filter(name__icontains=row["focus_area"]).first()
    unit = ctx.units.get(row["responsible_unit"])
    for initiative_row in data["initiatives"]:
        fields = ctx.fields(Initiative, initiative_row, skip={"letter", "goals", "cost"})
        if "cost" in initiative_row:
            fields["cost"] = Decimal(initiative_row["cost"])
        initiative, _ = ensure(
            Initiative,
            {"plan": plan, "letter": initiative_row["letter"]},
            focus_area=focus_area,
            responsible_unit=unit,
            **fields,
        )
        _link_goals(initiative, initiative_row.get("goals", []))
    highest = max(letter_to_number(row["letter"]) for row in data["initiatives"])
    if plan.last_letter_number < highest:
        plan.last_letter_number = highest
        plan.save(update_fields=["last_letter_number"])
