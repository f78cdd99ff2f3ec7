"""Administrations, committees, 300 units in a tree, organisations and caseworkers."""

from organisation import builders
from organisation.models import (
    Administration,
    Committee,
    FocusArea,
    RepresentedOrganisation,
    Unit,
    UnitStaff,
)

ADMINISTRATIONS = [
    ("Socialforvaltningen", "Socialudvalget"),
    ("Sundheds- og Omsorgsforvaltningen", "Sundheds- og Omsorgsudvalget"),
    ("Børne- og Ungdomsforvaltningen", "Børne- og Ungdomsudvalget"),
    ("Beskæftigelsesforvaltningen", "Beskæftigelsesudvalget"),
]
UNIT_KINDS = [
    "Bostedet", "Botilbuddet", "Værestedet", "Aktivitetscentret", "Plejecentret",
    "Misbrugscentret", "Herberget", "Støttecentret", "Familiehuset", "Dagtilbuddet",
]  # fmt: skip
STREETS = [
    "Lærkevej", "Bøgevænget", "Havnegade", "Søndergade", "Nørrebrogade", "Engvej", "Skovbrynet",
    "Kildevej", "Møllebakken", "Strandvejen", "Birkealle", "Rosenhaven", "Toftegårdsvej",
]  # fmt: skip
ORGANISATIONS = [
    ("Brugerforeningen", "BF", RepresentedOrganisation.Kind.USERS),
    ("Pårørendeforeningen", "PF", RepresentedOrganisation.Kind.RELATIVES),
    ("Handicaporganisationerne", "DH", RepresentedOrganisation.Kind.USERS),
    ("Ældresagen lokalt", "ÆL", RepresentedOrganisation.Kind.OTHER),
]
AREAS = 30  # units directly under an administration; the rest hang below them
TITLES = ["Sagsbehandler", "Socialrådgiver", "Pædagog", "Afdelingsleder", "Koordinator"]


def generate(ctx):
    rng = ctx.rng
    administrations = ctx.bulk(
        Administration,
        [builders.administration(name=f"{name} ({ctx.label})") for name, _ in ADMINISTRATIONS],
    )
    committees = ctx.bulk(
        Committee,
        [
            builders.committee(name=f"{committee} ({ctx.label})", administration=administration)
            for (_, committee), administration in zip(ADMINISTRATIONS, administrations, strict=True)
        ],
    )
    ctx.objects.update(administrations=administrations, committees=committees)
    ctx.objects["organisations"] = ctx.bulk(
        RepresentedOrganisation,
        [
            builders.represented_organisation(
                name=f"{name} ({ctx.label})", abbreviation=abbr, kind=kind
            )
            for name, abbr, kind in ORGANISATIONS
        ],
    )

    total = ctx.count("units")
    top = min(AREAS, total)
    units = ctx.bulk(
        Unit,
        [
            builders.unit(
                name=f"Område {number} – {rng.choice(STREETS).removesuffix('vej')}",
                administration=administrations[number % len(administrations)],
                description=f"Driftsområde {number} med tilhørende tilbud.",
            )
            for number in range(1, top + 1)
        ],
    )
    children = [
        builders.unit(
            name=f"{rng.choice(UNIT_KINDS)} {rng.choice(STREETS)} {number}",
            administration=parent.administration,
            parent=parent,
            description="Tilbud til borgere med behov for støtte i hverdagen.",
            active=rng.random() > 0.03,
        )
        for number, parent in (
            (number, units[rng.randrange(top)]) for number in range(top + 1, total + 1)
        )
    ]
    units += ctx.bulk(Unit, children)
    ctx.created["units"] = len(units)
    ctx.objects["units"] = units

    areas = list(FocusArea.objects.order_by("number"))
    ctx.objects["focus_areas"] = areas
    through = Unit.focus_areas.through
    links = []
    for unit in units:
        for area in rng.sample(areas, min(len(areas), rng.randint(1, 2))):
            links.append(through(unit_id=unit.pk, focusarea_id=area.pk))
    ctx.bulk(through, links)

    # A caseworker or two for most units, drawn from the generated users.
    users = ctx.objects["users"]
    staff = []
    for unit in units:
        for user in rng.sample(users, min(len(users), rng.randint(0, 2))):
            staff.append(builders.unit_staff(user=user, unit=unit, title=rng.choice(TITLES)))
    ctx.bulk(UnitStaff, staff)
