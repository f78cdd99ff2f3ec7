"""The status note of seed 000, assembled from the demo goals and initiatives."""

import datetime

from organisation.models import FocusArea
from reports.models import FocusAreaNarrative, ReportAttachment, StatusReport

TITLE = "Brugerdemokrati og selvforvaltning – Status medio 2007"

BACKGROUND = """Socialudvalget orienteres i dette notat om status på Socialforvaltningens arbejde med Brugerdemokrati og Selvforvaltning.

Socialudvalget godkendte den 17. maj 2006 Strategi- og udviklingsplan for Brugerdemokrati og Selvforvaltning i Socialforvaltningen. Socialudvalget blev den 6. december 2006 orienteret om status for Socialforvaltningens udmøntning af planen. Her blev det besluttet, at Socialudvalget igen skulle orienteres om status medio 2007.

Socialforvaltningen ønsker desuden at orientere Socialudvalget om en metode til udvikling af brugerdemokrati samt to konkrete udviklingsprojekter."""

STATUS_INTRO = """Socialforvaltningens status på fokusområder og projekter for Brugerdemokrati og Selvforvaltning er i bilag 1 beskrevet inden for hvert af områderne 1) Voksne med særlige behov, 2) Børnefamilier med særlige behov, 3) Misbrugere og hjemløse, 4) Handicappede samt 5) Tværgående tiltag. Nedenfor er enhedernes mål for brugerinddragelse og handleplanernes initiativer samlet pr. fokusområde.

Generelt pågår arbejdet med brugerdemokrati og selvforvaltning løbende inden for alle områderne og som en integreret del af Socialforvaltningens opgaveløsning."""

METHOD = """I forlængelse af Strategi- og udviklingsplanen har Socialforvaltningen udviklet en metode til videre udfoldelse af brugerdemokrati og selvforvaltning. Metoden er nærmere beskrevet i bilag 2. Formålet er at udvikle flere områder for brugerdemokrati og samtidig finde nye måder, hvorpå brugernes mulighed for indflydelse på beslutninger om forvaltningens udvikling, service og drift kan komme endnu tættere på brugerne.

Brugerdemokrati er i denne forstand forskellig fra en mere traditionel høringsproces af interesseorganisationer og råd. Fokus er brugernes indflydelse på »den fælles sag«, og det kræver, at brugerne kommer på banen meget tidligt i et beslutningsforløb."""

PROJECTS = """Metoden anvendes i to konkrete udviklingsprojekter for henholdsvis voksne handicappede og voksne psykisk syge. Projektbeskrivelserne fremgår af bilag 3 og 4. Begge udviklingsprojekter omhandler formulering af en bruger- og pårørendepolitik – samt hvordan brugere og pårørende kan være med til at definere politikken.

Som del af metoden skal udviklingsprojekterne evalueres."""

ECONOMY = "Det forudsættes, at metodeudviklingsarbejdet og de konkrete udviklingsprojekter finansieres inden for Socialforvaltningens samlede økonomiske ramme."

NARRATIVES = {
    1: "Der er arbejdet med strategi for indsatsen vedrørende misbrug på bosteder og med styrkelse af dialogredskabet behandlingsplaner.",
    2: "Et kvalitetsudviklingsprojekt på døgn- og dagbehandlingsinstitutionerne udvikler metoder til inddragelse af børn, unge og forældre i anbringelsesforløbene.",
    3: "Der er ydet finansiering til et brugerstyret aktivitetssted.",
    4: "Udviklingsprojektet for voksne handicappede (bilag 3) er i gang.",
    5: "Der er afholdt uddannelsesaktiviteter og fulgt op på undersøgelsesresultater inden for de enkelte områder.",
}

ATTACHMENTS = [
    (
        "Statusbeskrivelse medio 2007",
        "Status på fokusområder og projekter inden for hvert af de fem områder.",
    ),
    (
        "Metode til udvikling af brugerdemokrati",
        "Metoden til videre udfoldelse af brugerdemokrati og selvforvaltning.",
    ),
    (
        "Projektbeskrivelse – voksne handicappede",
        "Udviklingsprojekt om en bruger- og pårørendepolitik for voksne handicappede.",
    ),
    (
        "Projektbeskrivelse – voksne psykisk syge",
        "Udviklingsprojekt om en bruger- og pårørendepolitik for voksne psykisk syge.",
    ),
]


def load(ctx):
    report, created = StatusReport.objects.get_or_create(
        title=TITLE,
        version=1,
        defaults={
            "period": "medio 2007",
            "year": 2010,
            "committee": ctx.objects["committee"],
            "date": datetime.date(2007, 6, 20),
            "background": BACKGROUND,
            "status_intro": STATUS_INTRO,
            "method": METHOD,
            "development_projects": PROJECTS,
            "economy": ECONOMY,
            "next_report": "medio 2008",
        },
    )
    ctx.objects["report"] = report
    if created:
        for area in FocusArea.objects.filter(number__in=NARRATIVES):
            FocusAreaNarrative.objects.create(
                report=report, focus_area=area, text=NARRATIVES[area.number]
            )
        for position, (title, description) in enumerate(ATTACHMENTS, start=1):
            ReportAttachment.objects.create(
                report=report, position=position, title=title, description=description
            )


def after_commit(ctx):
    """Queues the PDF (published when done), once: a second load_demo changes nothing."""
    from reports.services import request_rendition

    report = ctx.objects["report"]
    if not report.renditions.exists():
        request_rendition(report=report, user=ctx.users["administrator"], publish_when_done=True)
