"""The demo's administration, committee, units and organisations (organisation/demo.toml)."""

from core.demo import demo_data, ensure
from organisation.models import (
    Administration,
    Committee,
    FocusArea,
    RepresentedOrganisation,
    Unit,
    UnitStaff,
)


def load(ctx):
    data = demo_data("organisation")
    administration, _ = ensure(Administration, {"name": data["administration"]})
    ctx.objects["administration"] = administration
    committee, _ = ensure(Committee, {"name": data["committee"]}, administration=administration)
    ctx.objects["committee"] = committee
    areas = {area.number: area for area in FocusArea.objects.all()}
    for row in data["units"]:
        unit, _ = ensure(Unit, {"administration": administration, "name": row["name"]})
        unit.focus_areas.add(*[areas[n] for n in row["focus_areas"] if n in areas])
        ctx.units[row["name"]] = unit
    for row in data["organisations"]:
        ensure(
            RepresentedOrganisation,
            {"name": row["name"]},
            abbreviation=row["abbreviation"],
            kind=row["kind"],
        )
    for row in data["staff"]:
        ensure(
            UnitStaff,
            {"user": ctx.users[row["user"]], "unit": ctx.units[row["unit"]]},
            title=row["title"],
        )
