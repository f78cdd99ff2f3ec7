from django.db.models import Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actionplans.models import Initiative
from core.csvexport import csv_response
from core.markdown import plain_text
from councils.models import AgendaItem
from policies.models import UnitGoal


def _amount(value):
    # Decimal comma and no thousands separator: a Danish spreadsheet reads it as a number.
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def plan_csv_response(plan, user):
    # Linked goals and agenda items follow their own apps' visibility, as on the pages.
    goals = UnitGoal.objects.visible_to(user).select_related("unit")
    items = AgendaItem.objects.visible_to(user).select_related("meeting__council")
    initiatives = (
        Initiative.objects.filter(plan=plan)
        .select_related("focus_area", "responsible_unit")
        .prefetch_related(
            Prefetch("unit_goals", queryset=goals),
            Prefetch("agenda_items", queryset=items),
        )
    )
    headers = [
        _("Bogstav"),
        _("Titel"),
        _("Beskrivelse"),
        _("Fokusområde"),
        _("Ansvarlig enhed"),
        _("Finansiering"),
        _("Fond eller ekstern kilde"),
        _("Udgift (kr.)"),
        _("Udgiftens art"),
        _("Budgetår"),
        _("Status"),
        _("Enhedsmål"),
        _("Dagsordenspunkter"),
    ]
    rows = (
        [
            i.letter,
            i.title,
            plain_text(i.description),
            i.focus_area.name if i.focus_area else "",
            i.responsible_unit.name if i.responsible_unit else "",
            i.get_funding_display(),
            i.fund_name,
            _amount(i.cost),
            i.get_recurrence_display() if i.cost is not None else "",
            i.budget_year,
            i.get_status_display(),
            " | ".join(str(goal) for goal in i.unit_goals.all()),
            " | ".join(f"{item.meeting} – {item}" for item in i.agenda_items.all()),
        ]
        for i in initiatives
    )
    filename = f"handleplan-{slugify(plan.case_number) or plan.pk}-initiativer.csv"
    return csv_response(filename, headers, rows)
