"""The action plan of seed 003: network and civil society, before Socialudvalget in 2010."""

import datetime
from decimal import Decimal

from django.utils import timezone

from actionplans.letters import letter_to_number
from actionplans.models import ActionPlan, Initiative, Recommender, StatusChange
from organisation.models import FocusArea
from policies.models import UnitGoal

WITHIN = Initiative.Funding.WITHIN_BUDGET
APPROPRIATION = Initiative.Funding.APPROPRIATION
EXTERNAL = Initiative.Funding.EXTERNAL
YEARLY = Initiative.Recurrence.YEARLY
ONE_OFF = Initiative.Recurrence.ONE_OFF

CASE_NUMBER = "2009-93482"
TITLE = "Handleplan for understøttelse af netværk samt samarbejde med civilsamfundet"
DECISION_DATE = datetime.date(2010, 9, 8)
DECISION_TEXT = "Indstillingen blev godkendt"

SECTIONS = {
    "problem": (
        "Socialforvaltningens Handicapplan indeholder en række konkrete indsatsområder og "
        "initiativer, som forvaltningen har forpligtet sig til at lave handleplaner for.\n\n"
        "Planen beskriver, hvordan forvaltningen vil understøtte brugerne i at indgå i nye "
        "netværk og fastholde eksisterende, sætte fokus på pårørende som ressourcestærke "
        "deltagere i brugernes netværk, og i højere grad drage nytte af den viden og "
        "kompetence, der findes blandt andre aktører på handicapområdet. Initiativerne er "
        "udarbejdet i samråd med Handicaprådet."
    ),
    "solution": (
        "En række initiativer kan igangsættes inden for den eksisterende økonomiske ramme "
        "(A–E), mens andre kræver bevilling eller ekstern finansiering (F–J)."
    ),
    "effect": (
        "Forvaltningen forventer, at udvikling af netværk giver større selvhjulpenhed og øget "
        "livskvalitet for brugerne, og at et styrket fokus på de pårørende gør dem til en "
        "ressource i indsatsen.\n\n"
        "Et styrket samarbejde med civilsamfundet skal mindske »murene« mellem det offentlige "
        "og det civile til fordel for øget dialog og gensidig forståelse."
    ),
    "economy": (
        "Omkostningerne ved initiativerne A–E: civilsamfunds- og netværksansvarlig medarbejder "
        "100.000 kr. årligt, pjece 5.000 kr., fællesarrangementer og temamøder 50.000 kr. "
        "årligt.\n\n"
        "Socialforvaltningen vil søge midler til initiativerne G, H og I i forbindelse med "
        "budget 2012."
    ),
    "next_steps": (
        "Får Socialforvaltningen budgetmidler til initiativerne, forelægges Socialudvalget "
        "særskilte indstillinger, der konkret beskriver aktiviteterne, ligesom udvalget får "
        "forelagt projektansøgningen (F)."
    ),
}

# (letter, title, description, funding, fund name, cost, recurrence, budget year)
INITIATIVES = [
    (
        "A",
        "Civilsamfunds- og netværksansvarlig medarbejder",
        "En medarbejder får ansvar for den løbende kontakt til relevante organisationer og for "
        "at facilitere netværksinitiativer.",
        WITHIN,
        "",
        Decimal("100000"),
        YEARLY,
        None,
    ),
    (
        "B",
        "Faste netværk med uddannelses- og forskningsinstitutioner",
        "Netværksmøder med vidensinstitutioner og universitetsprojekter med forvaltningens "
        "indsatsområder som case, så ny forskning og viden når ud i indsatserne.",
        WITHIN,
        "",
        None,
        YEARLY,
        None,
    ),
    (
        "C",
        "Systematisk samarbejde med organisationer på handicapområdet",
        "To årlige møder med organisationerne om status på handicapplanen, initiativer på "
        "området og kommende fokusområder.",
        WITHIN,
        "",
        None,
        YEARLY,
        None,
    ),
    (
        "D",
        "Styrket fokus på frivillige kræfter",
        "Flere § 18-ansøgninger målrettet netværksdannelse for borgere med handicap og en "
        "orienteringspjece om muligheder for frivillige tilbud.",
        WITHIN,
        "",
        Decimal("5000"),
        ONE_OFF,
        None,
    ),
    (
        "E",
        "Temamøder og fællesaktiviteter for pårørende og brugere",
        "Fx temamøder for forældre til børn med handicap om skolestart og overgangen fra barn "
        "til voksen. Netværksdannelsen skal primært ske via bruger-, pårørende- og centerrådene.",
        WITHIN,
        "",
        Decimal("50000"),
        YEARLY,
        None,
    ),
    (
        "F",
        "Udviklingsprojekter med eksterne aktører finansieret af fondsmidler",
        "Øget samarbejde med eksterne aktører om udviklingsprojekter finansieret af fonde, fx "
        "et projekt støttet af ABT-fonden. Projektansøgningen forelægges udvalget.",
        EXTERNAL,
        "ABT-fonden",
        None,
        ONE_OFF,
        None,
    ),
    (
        "G",
        "Forsøgsprojekt med fritidsguides",
        "Fritidsguides hjælper mennesker med handicap til at deltage i det almindelige "
        "foreningsliv, indtil brugeren kan deltage selvstændigt.",
        APPROPRIATION,
        "",
        None,
        YEARLY,
        2012,
    ),
    (
        "H",
        "Forskningsenheden udvides til handicapområdet",
        "Forskning i kvaliteten og effekten af indsatsen og forslag til fremtidig organisering "
        "og styring. Forvaltningen udarbejder forslag i forbindelse med budgettet.",
        APPROPRIATION,
        "",
        None,
        YEARLY,
        2012,
    ),
    (
        "I",
        "IT-baserede netværksredskaber for borgere med handicap",
        "Undersøgelse af, hvordan borgere med handicap kan få del i IT-baserede "
        "netværksredskaber; foreløbig samarbejde med frivillige og en privat IT-virksomhed.",
        APPROPRIATION,
        "",
        None,
        YEARLY,
        2012,
    ),
    (
        "J",
        "IT-kurser for voksne med handicap",
        "Kurser med fokus på kommunikation på nettet. Forvaltningen udarbejder ønskeforslag til "
        "budget 2012; foreløbig oprettes kurser i samarbejde med IOF.",
        APPROPRIATION,
        "",
        None,
        YEARLY,
        2012,
    ),
]

RECOMMENDERS = ["Socialdirektøren", "Kontorchefen"]

# Unit goals of the policies demo (by unit and title) that an initiative serves.
GOAL_LINKS = {
    "E": [("Voksenhandicap", "Brugerråd med Udviklingshæmmedes Landsforening")],
    "G": [("Voksenhandicap", "Beboerne planlægger fritidstilbuddet")],
}


def _aware(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def _link_goals(initiative, wanted):
    # Only on a fresh initiative: links an administrator removed stay removed.
    if not wanted or initiative.unit_goals.exists():
        return
    for unit_name, title in wanted:
        goal = UnitGoal.objects.filter(unit__name=unit_name, title=title).first()
        if goal is not None:
            initiative.unit_goals.add(goal)


def load(ctx):
    recommenders = [
        Recommender.objects.get_or_create(title=title, defaults={"order": order})[0]
        for order, title in enumerate(RECOMMENDERS)
    ]
    plan, created = ActionPlan.objects.get_or_create(
        case_number=CASE_NUMBER,
        title=TITLE,
        defaults={
            "committee": ctx.objects["committee"],
            "administration": ctx.objects["administration"],
            "related_plan": "Handicapplanen",
            "status": ActionPlan.Status.APPROVED,
            "decision_date": DECISION_DATE,
            "decision_text": DECISION_TEXT,
            **SECTIONS,
        },
    )
    ctx.objects["action_plan"] = plan
    if created:
        plan.recommenders.set(recommenders)
        StatusChange.objects.create(
            plan=plan,
            from_status=ActionPlan.Status.DRAFT,
            to_status=ActionPlan.Status.SUBMITTED,
            changed_at=_aware(datetime.date(2010, 8, 25)),
        )
        StatusChange.objects.create(
            plan=plan,
            from_status=ActionPlan.Status.SUBMITTED,
            to_status=ActionPlan.Status.APPROVED,
            decision_date=DECISION_DATE,
            decision_text=DECISION_TEXT,
            changed_at=_aware(DECISION_DATE),
        )
    handicap = FocusArea.objects.filter(name__icontains="handicap").first()
    unit = ctx.units.get("Voksenhandicap")
    for letter, title, description, funding, fund, cost, recurrence, year in INITIATIVES:
        initiative, _ = Initiative.objects.get_or_create(
            plan=plan,
            letter=letter,
            defaults={
                "title": title,
                "description": description,
                "funding": funding,
                "fund_name": fund,
                "cost": cost,
                "recurrence": recurrence,
                "budget_year": year,
                "focus_area": handicap,
                "responsible_unit": unit,
            },
        )
        _link_goals(initiative, GOAL_LINKS.get(letter, []))
    highest = max(letter_to_number(row[0]) for row in INITIATIVES)
    if plan.last_letter_number < highest:
        plan.last_letter_number = highest
        plan.save(update_fields=["last_letter_number"])
