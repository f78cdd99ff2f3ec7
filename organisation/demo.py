from organisation.models import (
    Administration,
    Committee,
    FocusArea,
    RepresentedOrganisation,
    Unit,
    UnitStaff,
)

# Units drawn from the seeds, with the focus area (by number, seed 000) each serves.
DEMO_UNITS = [
    ("Rus- og Psykiatritjenesten", [1, 3]),
    ("Socialpsykiatrien", [1]),
    ("Voksenhandicap", [4]),
    ("Børnefamilier", [2]),
    ("Hjemløseenheden", [3]),
]
# Seed 004 §33 (the user and relative organisations of the Tromsø council) and seed 002 (ULF).
DEMO_ORGANISATIONS = [
    ("Rusmisbrukernes Interesseorganisasjon", "RIO", "users"),
    ("Mental Helse", "MH", "users"),
    ("Landsforbundet For Pårørende innen psykiatrien", "LPP", "relatives"),
    ("Medikamentassistert Rehabiliterings Brukerorganisasjon", "MARBORG", "users"),
    ("Landsforbundet Mot Stoffmisbruk", "LMS", "relatives"),
    ("ADHD-foreningen", "ADHD", "users"),
    ("Udviklingshæmmedes Landsforening", "ULF", "users"),
    ("LEV – Livet med udviklingshæmning", "LEV", "relatives"),
]


def load(ctx):
    administration, _ = Administration.objects.get_or_create(name="Socialforvaltningen")
    ctx.objects["administration"] = administration
    committee, _ = Committee.objects.get_or_create(
        name="Socialudvalget", defaults={"administration": administration}
    )
    ctx.objects["committee"] = committee
    areas = {area.number: area for area in FocusArea.objects.all()}
    for name, numbers in DEMO_UNITS:
        unit, _ = Unit.objects.get_or_create(administration=administration, name=name)
        unit.focus_areas.add(*[areas[n] for n in numbers if n in areas])
        ctx.units[name] = unit
    for name, abbreviation, kind in DEMO_ORGANISATIONS:
        RepresentedOrganisation.objects.get_or_create(
            name=name, defaults={"abbreviation": abbreviation, "kind": kind}
        )
    UnitStaff.objects.get_or_create(
        user=ctx.users["caseworker"],
        unit=ctx.units["Rus- og Psykiatritjenesten"],
        defaults={"title": "Sagsbehandler"},
    )
