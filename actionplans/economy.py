"""The economy of a plan: sums per funding type, yearly and one-off, as exact decimals."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from actionplans.models import Initiative


@dataclass
class EconomyRow:
    funding: str
    label: str
    count: int = 0
    yearly: Decimal = Decimal("0")
    one_off: Decimal = Decimal("0")
    # Initiatives whose cost is not (yet) estimated, e.g. those awaiting a budget.
    without_cost: int = 0


@dataclass
class Economy:
    rows: list
    total: EconomyRow

    def row(self, funding) -> EconomyRow:
        return next(r for r in self.rows if r.funding == funding)


def plan_economy(plan) -> Economy:
    rows = {value: EconomyRow(value, label) for value, label in Initiative.Funding.choices}
    grouped = (
        Initiative.objects.filter(plan=plan)
        .order_by()
        .values("funding", "recurrence")
        .annotate(count=Count("pk"), with_cost=Count("cost"), amount=Sum("cost"))
    )
    for group in grouped:
        row = rows.get(group["funding"])
        if row is None:
            continue
        row.count += group["count"]
        row.without_cost += group["count"] - group["with_cost"]
        amount = group["amount"] or Decimal("0")
        if group["recurrence"] == Initiative.Recurrence.YEARLY:
            row.yearly += amount
        else:
            row.one_off += amount
    total = EconomyRow("total", "")
    for row in rows.values():
        total.count += row.count
        total.yearly += row.yearly
        total.one_off += row.one_off
        total.without_cost += row.without_cost
    return Economy(rows=list(rows.values()), total=total)
