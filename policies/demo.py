"""The demo's policy (seed 001, Helsingør's policy for user involvement) and unit goals.

The policy's sections keep the seed's own wording, shortened where long.
Version 1 is the edition published in 2009 (the seed gives only the year; the
day and the adopting committee are the demo's); version 2 is the same text as
adopted by the city council on 17 December 2012 in "Vores vej". The goals for
2010 and 2011 were set under version 1, the one in force then.
"""

import datetime

from organisation.models import FocusArea
from policies.models import (
    GoalStatus,
    GoalUpdate,
    InvolvementLevel,
    Policy,
    PolicyVersion,
    UnitGoal,
)

TITLE = "Politik for brugerinddragelse for ældre, børn, børnefamilier og voksne med særlige behov"

SUMMARY = (
    "»Inddragelse giver indflydelse og udvikling i eget liv.« Politikken er udarbejdet af "
    "Social- og Sundhedsforvaltningen (i dag Center for Psykiatri og Handicap). Den siger, at "
    "hver enhed skal konkretisere, hvad brugerne inddrages i, og hvordan – i dialog med "
    "brugerne – og hvert år formulere mål og resultatkrav for brugerinddragelse."
)

SECTIONS = {
    "why": (
        "Der stilles i dag andre krav til den offentlige service end tidligere. Brugere vil "
        "vide, hvad de kan forvente af den offentlige, og de vil være med til at prioritere. "
        "Brugere kan bidrage med erfaringer og viden om, hvordan det er at modtage en offentlig "
        "ydelse, hvad der virker – og hvad der ikke virker, samt hvad der er behov for."
    ),
    "purpose": (
        "Formålet med brugerinddragelse er at anvende brugernes oplevelser og vurderinger til at "
        "udvikle ydelsernes indhold og kvalitet for at sikre, at ydelserne tilrettelægges bedst "
        "muligt efter brugernes behov – indenfor de politiske og økonomiske rammer.\n\n"
        "Brugerinddragelse bidrager således til udvikling af Social- og Sundhedsforvaltningens "
        "ydelser, udvikling af forholdet mellem brugere og medarbejdere samt til at øge "
        "engagementet hos brugeren.\n\n"
        "I servicelovens § 1, stk. 3, fastslås, at hjælpen skal tilrettelægges ud fra den "
        "enkelte persons behov og forudsætninger, og i samarbejde med den enkelte. Efter § 16 "
        "skal kommunalbestyrelsen sørge for, at brugere af tilbud efter loven får mulighed for "
        "at få indflydelse på tilrettelæggelsen og udnyttelsen af tilbuddene, og fastsætte "
        "skriftlige retningslinjer for brugerinddragelsen."
    ),
    "vision": (
        "Politikken tager udgangspunkt i Helsingør Kommunes vision, godkendt af Byrådet den "
        "2. juni 2008, og særligt i strategien »Tættere på dig«:\n\n"
        "- Skabe mulighed for personlig udvikling for alle borgere uanset alder gennem tæt "
        "dialog og tidssvarende tilbud\n"
        "- Sikre at service til kommunens borgere er nærværende, troværdig og effektiv\n\n"
        "Social- og Sundhedsforvaltningens vision: »Vi vil være kendt for effektivt og "
        "respektfuldt at betjene kommunens borgere, og hjælpe den enkelte til bedst muligt at "
        "klare eget liv og derigennem styrke lokalsamfundet.«"
    ),
    "unit_duties": (
        "Byrådet har ansvar for, at brugerinddragelsespolitikken implementeres. Social- og "
        "sundhedsudvalget har ansvar for at skabe betingelser for, at det bliver muligt at "
        "efterleve formålet med brugerinddragelse.\n\n"
        "### Den enkelte enhed\n\n"
        "- Den enkelte enhed har ansvar for implementering af brugerinddragelsespolitikken i "
        "forbindelse med sine egne tilbud.\n"
        "- Hver enhed konkretiserer, hvad brugeren inddrages i, og hvordan dette organiseres. "
        "**Dette skal ske i dialog med brugerne og dokumenteres.**\n"
        "- Hver enhed informerer om de rammer, indenfor hvilke brugeren kan inddrages i "
        "tilrettelæggelsen og udnyttelsen af tilbuddet.\n"
        "- Hver enhed formulerer mål og resultatkrav for brugerinddragelse i "
        "virksomhedsplanen.\n"
        "- Hver enhed er forpligtet til at udvikle sin kommunikation og metodevalg."
    ),
    "user_rights": (
        "Brugeren har ret til at blive inddraget i forhold, der vedrører brugeren selv.\n\n"
        "Brugeren har ansvar for at bidrage med egen viden, erfaringer og egne ressourcer i "
        "videst muligt omfang for at blive inddraget i forhold, der vedrører brugeren selv."
    ),
    "in_practice": (
        "### Hvem er brugeren?\n\n"
        "Borgeren bliver bruger, når han eller hun gør brug af det offentliges tilbud. At være "
        "»bruger« signalerer, at man er aktiv i, og har medansvar for, sin situation. Man kan "
        "skelne mellem primære og sekundære brugere: de primære brugere er fx beboere på et "
        "tilbud, mens de sekundære brugere er de pårørende. Nogle brugere må til tider "
        "repræsenteres af andre – pårørende, værger, forældremyndighedsindehavere m.v. – men "
        "brugerinddragelse fokuserer på de primære brugere.\n\n"
        "### På hvilken måde kan brugerne inddrages?\n\n"
        "Brugere kan inddrages på mange forskellige niveauer – og på mange forskellige måder:\n\n"
        "- **Brugerstyring**, hvor brugerne udgør det ledende niveau, selv formulerer værdier "
        "og udstikker rammer.\n"
        "- **Brugerindflydelse**, hvor brugerne har selvstændig kompetence f.eks. i forhold til "
        "kvalitetsudviklingen af mål og forløb.\n"
        "- **Brugerinddragelse**, hvor brugerne er involveret i andet og mere end blot at give "
        "oplysninger – det kan f.eks. være at finde frem til problemstillinger, prioritere "
        "temaer, udvikle ideer og løsninger eller evaluere indsatsen.\n"
        "- **Brugerdeltagelse** i det daglige sociale liv, hvor brugerne bliver hørt og "
        "optræder som informanter i forhold til det offentlige.\n\n"
        "### Hvordan kommer vi videre med brugerinddragelse?\n\n"
        "Der findes ingen facitliste for, hvornår og hvordan brugerne skal inddrages. "
        "Brugerinddragelse kommer ikke af sig selv; den kræver viden og erfaring samt mulighed "
        "for at ændre praksis. Hver enhed skal implementere politikken gennem formulering af mål "
        "og resultatkrav for brugerinddragelse i virksomhedsplanerne allerede for 2010."
    ),
}

# (unit, year, focus area number, title, involved in, organised how, level,
#  primary users, secondary users, indicator, target, deadline, status, updates)
# Each update: (date, channel, participants, what was done, what it led to).
# fmt: off
GOALS = [
    (
        "Rus- og Psykiatritjenesten", 2010, 3,
        "Brugerrådet prioriterer temaer i virksomhedsplanen",
        "Valg og prioritering af de temaer, tjenesten arbejder med i virksomhedsplanen for 2011.",
        "Brugerrådet (brugerrepræsentanter fra RIO og Mental Helse, to medarbejdere og "
        "lederen) behandler virksomhedsplanen på to af sine fire årlige møder.",
        InvolvementLevel.INVOLVEMENT,
        "Borgere i behandling for rusmiddelproblemer",
        "Pårørende gennem Landsforbundet Mot Stoffmisbruk",
        "Brugerrådets prioriteringer er skrevet ind i virksomhedsplanen.",
        "Mindst tre af brugerrådets prioriterede temaer indgår i virksomhedsplanen for 2011.",
        datetime.date(2010, 11, 30), GoalStatus.MET,
        [
            (
                datetime.date(2010, 4, 14), GoalUpdate.Channel.USER_COUNCIL,
                "Brugerrådet",
                "Brugerrådet gennemgik udkastet til virksomhedsplanen og pegede på ventetid, "
                "åbningstider og pårørendesamarbejde.",
                "Åbningstiden i ambulatoriet udvides til kl. 19 to dage om ugen.",
            ),
            (
                datetime.date(2010, 10, 6), GoalUpdate.Channel.USER_COUNCIL,
                "Brugerrådet",
                "Brugerrådet fik virksomhedsplanen for 2011 forelagt.",
                "Tre af brugerrådets fire temaer er med i planen.",
            ),
        ],
    ),
    (
        "Rus- og Psykiatritjenesten", 2011, 1,
        "Brugerundersøgelse i ambulatoriet",
        "Evaluering af behandlingsforløbet: modtagelse, behandlingsplan og afslutning.",
        "Spørgeskema til alle, der afslutter et forløb, og et dialogmøde om resultaterne.",
        InvolvementLevel.PARTICIPATION,
        "Borgere, der afslutter et behandlingsforløb",
        "",
        "Svarprocent og andel, der oplever at have haft indflydelse på egen behandlingsplan.",
        "Mindst 60 % svarer; mindst 75 % oplever indflydelse på egen behandlingsplan.",
        datetime.date(2011, 12, 15), GoalStatus.IN_PROGRESS,
        [
            (
                datetime.date(2011, 3, 1), GoalUpdate.Channel.SURVEY,
                "Borgere, der afsluttede forløb i første kvartal",
                "Spørgeskemaet blev udviklet sammen med to brugerrepræsentanter og sendt ud.",
                "",
            ),
        ],
    ),
    (
        "Rus- og Psykiatritjenesten", 2011, 3,
        "Pårørende med i planlægningen af pårørendegrupper",
        "Indhold og tidspunkter for tilbuddet til pårørende.",
        "Et dialogmøde om året med pårørende og Landsforbundet For Pårørende innen psykiatrien.",
        InvolvementLevel.INVOLVEMENT,
        "Borgere i behandling",
        "Pårørende",
        "Antal pårørende, der deltager i dialogmødet, og ændringer i tilbuddet.",
        "Mindst ti pårørende deltager; tilbuddet justeres efter mødet.",
        datetime.date(2011, 10, 1), GoalStatus.NOT_STARTED,
        [],
    ),
    (
        "Socialpsykiatrien", 2010, 1,
        "Husmøder på bostedet",
        "Husorden, fællesaktiviteter og brugen af beboernes aktivitetsbudget.",
        "Husmøde hver måned med dagsorden fra beboerne; beboerne styrer aktivitetsbudgettet.",
        InvolvementLevel.INFLUENCE,
        "Beboerne på bostedet",
        "Pårørende og værger",
        "Antal afholdte husmøder og beslutninger om aktivitetsbudgettet.",
        "Ti husmøder; beboerne har besluttet anvendelsen af hele aktivitetsbudgettet.",
        datetime.date(2010, 12, 31), GoalStatus.MET,
        [
            (
                datetime.date(2010, 6, 9), GoalUpdate.Channel.RESIDENTS_MEETING,
                "Beboerne og to medarbejdere",
                "Husmødet besluttede sommerens ture og reviderede husordenen.",
                "Ny husorden om fællesrummet gælder fra 1. juli.",
            ),
        ],
    ),
    (
        "Socialpsykiatrien", 2011, 1,
        "Et pårørenderåd for socialpsykiatrien",
        "Pårørendes erfaringer med samarbejdet om den enkelte beboer.",
        "Et pårørenderåd med fire pårørende og lederen; to møder om året.",
        InvolvementLevel.INVOLVEMENT,
        "Beboerne",
        "Pårørende",
        "Pårørenderådet er nedsat og har holdt møder.",
        "Rådet er nedsat inden 1. april og har holdt to møder inden årets udgang.",
        datetime.date(2011, 12, 31), GoalStatus.IN_PROGRESS,
        [
            (
                datetime.date(2011, 3, 22), GoalUpdate.Channel.RELATIVES_COUNCIL,
                "Fire pårørende og lederen",
                "Pårørenderådets første møde: forretningsorden og årsplan.",
                "Rådet ønsker et fast punkt om overgange mellem tilbud.",
            ),
        ],
    ),
    (
        "Voksenhandicap", 2010, 4,
        "Beboerne planlægger fritidstilbuddet",
        "Planlægning af aftenernes og weekendernes fritidsaktiviteter.",
        "Et aktivitetsudvalg af beboere planlægger og prioriterer selv inden for budgettet.",
        InvolvementLevel.CONTROL,
        "Beboerne",
        "Værger og pårørende (LEV)",
        "Andel af aktiviteterne, som aktivitetsudvalget har planlagt.",
        "Aktivitetsudvalget planlægger alle fritidsaktiviteter i andet halvår.",
        datetime.date(2010, 12, 31), GoalStatus.NOT_MET,
        [
            (
                datetime.date(2010, 11, 18), GoalUpdate.Channel.DIALOGUE_MEETING,
                "Aktivitetsudvalget og personalet",
                "Evaluering af året: udvalget planlagde aktiviteterne fra oktober.",
                "Målet videreføres i 2011 med støtte fra en fast kontaktperson.",
            ),
        ],
    ),
    (
        "Voksenhandicap", 2011, 4,
        "Brugerråd med Udviklingshæmmedes Landsforening",
        "Tilbuddets husregler, aktiviteter og evaluering af servicen.",
        "Et brugerråd med tre beboere, en repræsentant fra ULF og lederen; materialer i let "
        "sprog og med billeder.",
        InvolvementLevel.INVOLVEMENT,
        "Beboerne",
        "Pårørende og værger",
        "Brugerrådets møder og de forslag, der er gennemført.",
        "Fire møder; mindst to forslag fra brugerrådet er gennemført.",
        datetime.date(2011, 12, 31), GoalStatus.IN_PROGRESS,
        [],
    ),
    (
        "Børnefamilier", 2010, 2,
        "Børn og unge høres om deres handleplan",
        "Indholdet af barnets eller den unges handleplan.",
        "Samtale med barnet alene før hvert opfølgningsmøde; barnets ord skrives ind i planen.",
        InvolvementLevel.PARTICIPATION,
        "Børn og unge i anbringelse",
        "Forældre og forældremyndighedsindehavere",
        "Andel af handleplanerne, hvor barnets egne ord står.",
        "90 % af handleplanerne.",
        datetime.date(2010, 12, 31), GoalStatus.NOT_MET,
        [
            (
                datetime.date(2010, 12, 10), GoalUpdate.Channel.INTERVIEW,
                "Børn og unge i anbringelse",
                "Gennemgang af handleplanerne: barnets ord stod i 70 % af dem.",
                "Samtalen med barnet gøres til et fast punkt i mødeskabelonen fra 2011.",
            ),
        ],
    ),
    (
        "Børnefamilier", 2011, 2,
        "Et forældrepanel for familieafdelingen",
        "Udvikling af familieafdelingens breve, møder og information.",
        "Et panel af forældre mødes tre gange om året og læser nye breve og pjecer igennem.",
        InvolvementLevel.INVOLVEMENT,
        "Forældre i familier med særlige behov",
        "",
        "Antal breve og pjecer, panelet har gennemgået.",
        "Alle nye standardbreve er gennemgået af panelet.",
        datetime.date(2011, 11, 1), GoalStatus.IN_PROGRESS,
        [
            (
                datetime.date(2011, 5, 4), GoalUpdate.Channel.DIALOGUE_MEETING,
                "Forældrepanelet",
                "Panelet gennemgik indkaldelsen til børnefaglig undersøgelse.",
                "Indkaldelsen er skrevet om i et mere direkte sprog.",
            ),
        ],
    ),
    (
        "Hjemløseenheden", 2010, 3,
        "Et brugerstyret værested",
        "Drift, åbningstider og husregler i værestedet.",
        "Brugerne driver værestedet gennem en brugerbestyrelse; enheden yder tilskud og støtte.",
        InvolvementLevel.CONTROL,
        "Hjemløse og tidligere hjemløse",
        "",
        "Værestedet er åbent og drives af brugerbestyrelsen.",
        "Værestedet har åbent fem dage om ugen fra 1. september.",
        datetime.date(2010, 9, 1), GoalStatus.MET,
        [
            (
                datetime.date(2010, 9, 1), GoalUpdate.Channel.OTHER,
                "Brugerbestyrelsen",
                "Værestedet åbnede med brugerbestyrelsens egne husregler.",
                "Brugerbestyrelsen har fået egen økonomi.",
            ),
        ],
    ),
    (
        "Hjemløseenheden", 2011, 5,
        "Brugerne med i evalueringen af politikken",
        "Evalueringen af politikken for brugerinddragelse på tværs af enhederne.",
        "Brugerrepræsentanter fra værestedet deltager i den tværgående evalueringsgruppe.",
        InvolvementLevel.INVOLVEMENT,
        "Hjemløse og tidligere hjemløse",
        "",
        "Brugerrepræsentanternes deltagelse i evalueringsgruppen.",
        "To brugerrepræsentanter deltager i alle gruppens møder.",
        datetime.date(2011, 12, 31), GoalStatus.NOT_STARTED,
        [],
    ),
]
# fmt: on


def load(ctx):
    administrator = ctx.users["administrator"]
    first, current = _policy(ctx, administrator)
    ctx.objects["policy"] = current
    areas = {area.number: area for area in FocusArea.objects.all()}
    for (
        unit_name,
        year,
        area,
        title,
        involved_in,
        organisation,
        level,
        primary,
        secondary,
        indicator,
        target,
        deadline,
        status,
        updates,
    ) in GOALS:
        unit = ctx.units[unit_name]
        goal = UnitGoal.objects.filter(unit=unit, year=year, title=title).first()
        if goal is None:
            goal = UnitGoal(
                unit=unit,
                year=year,
                title=title,
                policy=first,
                focus_area=areas[area],
                involved_in=involved_in,
                organisation=organisation,
                level=level,
                primary_users=primary,
                secondary_users=secondary,
                indicator=indicator,
                target=target,
                deadline=deadline,
                status=status,
            )
            goal._history_user = _author(ctx, unit_name)
            goal.save()
        for date, channel, participants, done, changed in updates:
            if not goal.updates.filter(date=date, channel=channel).exists():
                update = GoalUpdate(
                    goal=goal,
                    date=date,
                    channel=channel,
                    participants=participants,
                    what_was_done=done,
                    what_changed=changed,
                    author=_author(ctx, unit_name),
                )
                update._history_user = update.author
                update.save()


def _author(ctx, unit_name):
    if unit_name == "Rus- og Psykiatritjenesten":
        return ctx.users["caseworker"]
    return ctx.users["administrator"]


def _policy(ctx, administrator):
    first = PolicyVersion.objects.filter(title=TITLE, number=1).first()
    if first is None:
        policy = Policy.objects.create()
        first = PolicyVersion(
            policy=policy,
            number=1,
            title=TITLE,
            summary=SUMMARY,
            **SECTIONS,
            status=PolicyVersion.Status.ARCHIVED,
            adopting_body=PolicyVersion.AdoptingBody.COMMITTEE,
            committee=ctx.objects["committee"],
            adopted_on=datetime.date(2009, 6, 1),
            archived_on=datetime.date(2012, 12, 17),
        )
        first._history_user = administrator
        first.save()
    current = PolicyVersion.objects.filter(policy=first.policy, number=2).first()
    if current is None:
        current = PolicyVersion(
            policy=first.policy,
            number=2,
            title=TITLE,
            summary=SUMMARY,
            **SECTIONS,
            status=PolicyVersion.Status.ADOPTED,
            adopting_body=PolicyVersion.AdoptingBody.CITY_COUNCIL,
            adopted_on=datetime.date(2012, 12, 17),
            change_note="Optaget uændret i »Vores vej – samlede politikker for Helsingør "
            "Kommune«, vedtaget af byrådet den 17. december 2012.",
        )
        current._history_user = administrator
        current.save()
    return first, current
