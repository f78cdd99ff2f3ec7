"""The demo councils, after seed 004 §31–37 (the Tromsø user council for drug and psychiatric services).

Idempotent: every row is looked up by a natural key before it is created.
"""

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    Comment,
    Council,
    CouncilKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Response,
    ResponseOutcome,
    SeatRule,
    SeatType,
    Statement,
)
from organisation.models import RepresentedOrganisation

USER_COUNCIL = "Brugerrådet for Rus- og Psykiatritjenesten"
RELATIVES_COUNCIL = "Pårørenderådet for Voksenhandicap"

USER_COUNCIL_SUMMARY = (
    "Brugerrådet giver råd til Rus- og Psykiatritjenesten. Her sidder brugere og pårørende "
    "sammen med medarbejdere og politikere. Rådet skal høres om enhedens budget og om "
    "ændringer i tilbuddene, og det kan selv tage sager op, der angår brugerne."
)
# Seed 004 §34–35, in Danish.
USER_COUNCIL_MANDATE = """\
### Rådets opgaver

Kommunalbestyrelsen har besluttet, at der skal vælges et brugerråd for hver resultatenhed.
Rådet har med andre ord en politisk forankring.

Rådet er et rådgivende organ for enheden og skal påse, at enheden leverer sine tilbud i
overensstemmelse med den bestilling, kommunalbestyrelsen har givet gennem kommunaldirektøren.

- Rådet giver råd i driftsspørgsmål, ved omlægning af tilbuddene og i andre relevante sager, der angår brugerne.
- Rådet afgiver udtalelser, når et politisk organ beder om det.
- Rådet behandler forslaget til enhedens budget og høres om fordelingen, efter at kommunalbestyrelsen har vedtaget budgettet.

### Rådets beskrivelse af sig selv

»Rådet skal fungere som et tværfagligt forum mellem politikere, administration, fagfolk og
brugere, der har som mål at samarbejde, udveksle og videreudvikle viden og erfaringer på tværs
af afdelinger, forvaltninger og forvaltningsniveauer. Dette for at kunne give input til
videreudviklingen af Rus- og Psykiatritjenesten i kommunen.«

### Sammensætning

Seks repræsentanter fra bruger- og pårørendeorganisationer, to ansatte i tjenesten og to
politikere fra Socialudvalget. Brugerombuddet har mødepligt med tale- og forslagsret og er
rådets sekretær. Enhedslederen har mødepligt med tale- og forslagsret.
"""

# (seat type, required, vote, speak and propose, must attend) — seed 004 §32.
USER_COUNCIL_SEATS = [
    (SeatType.USER, 4, True, True, False),
    (SeatType.RELATIVE, 2, True, True, False),
    (SeatType.STAFF, 2, True, True, False),
    (SeatType.POLITICIAN, 2, True, True, False),
    (SeatType.SECRETARY, 1, False, True, True),
    (SeatType.UNIT_LEADER, 1, False, True, True),
]

# (demo user key or e-mail, name, seat, organisation abbreviation, description, listed publicly)
USER_COUNCIL_MEMBERS = [
    ("member", None, SeatType.USER, "RIO", "", True),
    ("raad.mh@demokommune.example", "Karin Holm", SeatType.USER, "MH", "", False),
    ("raad.marborg@demokommune.example", "Jonas Dahl", SeatType.USER, "MARBORG", "", False),
    ("raad.adhd@demokommune.example", "Emil Krogh", SeatType.USER, "ADHD", "", True),
    ("member2", None, SeatType.RELATIVE, "LPP", "", False),
    ("raad.lms@demokommune.example", "Birgit Friis", SeatType.RELATIVE, "LMS", "", False),
    (
        "raad.ansat1@demokommune.example",
        "Hanne Vestergaard",
        SeatType.STAFF,
        None,
        "Medarbejder i Afdeling for boligtjenester",
        True,
    ),
    (
        "raad.ansat2@demokommune.example",
        "Peter Nørgaard",
        SeatType.STAFF,
        None,
        "Medarbejder i Udekontakten",
        True,
    ),
    (
        "raad.politiker1@demokommune.example",
        "Jens Holm",
        SeatType.POLITICIAN,
        None,
        "Politiker fra Socialudvalget",
        True,
    ),
    (
        "raad.politiker2@demokommune.example",
        "Marianne Bach",
        SeatType.POLITICIAN,
        None,
        "Politiker fra Socialudvalget",
        True,
    ),
    ("secretary", None, SeatType.SECRETARY, None, "Brugerombud, rådets sekretær", True),
    (
        "enhedsleder@demokommune.example",
        "Tove Rasmussen",
        SeatType.UNIT_LEADER,
        None,
        "Enhedsleder, Rus- og Psykiatritjenesten",
        True,
    ),
]

RELATIVES_COUNCIL_SEATS = [
    (SeatType.RELATIVE, 4, True, True, False),
    (SeatType.STAFF, 2, True, True, False),
    (SeatType.POLITICIAN, 1, True, True, False),
    (SeatType.SECRETARY, 1, False, True, True),
]
# Two of four relatives' seats are filled: the relatives are a minority of the voters.
RELATIVES_COUNCIL_MEMBERS = [
    ("other_council_member", None, SeatType.RELATIVE, "LEV", "", False),
    ("paaroerende2@demokommune.example", "Grethe Jakobsen", SeatType.RELATIVE, "LEV", "", False),
    (
        "vh.ansat1@demokommune.example",
        "Lars Winther",
        SeatType.STAFF,
        None,
        "Afdelingsleder, bofællesskaber",
        True,
    ),
    (
        "vh.ansat2@demokommune.example",
        "Mette Skov",
        SeatType.STAFF,
        None,
        "Pædagog, aflastningstilbuddet",
        True,
    ),
    (
        "vh.politiker@demokommune.example",
        "Kim Lauridsen",
        SeatType.POLITICIAN,
        None,
        "Politiker fra Socialudvalget",
        True,
    ),
    (
        "vh.sekretaer@demokommune.example",
        "Susanne Kjær",
        SeatType.SECRETARY,
        None,
        "Konsulent i Voksenhandicap",
        True,
    ),
]


def load(ctx):
    today = timezone.localdate()
    user_council = _council(
        name=USER_COUNCIL,
        kind=CouncilKind.USER_COUNCIL,
        unit=ctx.units["Rus- og Psykiatritjenesten"],
        summary=USER_COUNCIL_SUMMARY,
        mandate=USER_COUNCIL_MANDATE,
        public=True,
        today=today,
    )
    _seats(user_council, USER_COUNCIL_SEATS)
    members = _members(ctx, user_council, USER_COUNCIL_MEMBERS, today)
    ctx.users.setdefault("unit_leader", members["enhedsleder@demokommune.example"].user)
    ctx.objects["user_council"] = user_council
    _upcoming_meeting(user_council, members, today)
    _past_meeting(ctx, user_council, members, today)

    relatives = _council(
        name=RELATIVES_COUNCIL,
        kind=CouncilKind.RELATIVES_COUNCIL,
        unit=ctx.units["Voksenhandicap"],
        summary=(
            "Pårørenderådet giver råd til Voksenhandicap om bofællesskaber, aflastning og "
            "samarbejdet med de pårørende. Møderne er kun for rådets medlemmer."
        ),
        mandate=(
            "Rådet drøfter forhold, der har betydning for beboerne og deres pårørende, og "
            "høres om ændringer i tilbuddene og om budgettet for Voksenhandicap."
        ),
        public=False,
        today=today,
    )
    _seats(relatives, RELATIVES_COUNCIL_SEATS)
    relative_members = _members(ctx, relatives, RELATIVES_COUNCIL_MEMBERS, today)
    ctx.objects["relatives_council"] = relatives
    _relatives_meeting(relatives, relative_members, today)


def _council(*, name, kind, unit, summary, mandate, public, today):
    council, _ = Council.objects.get_or_create(
        name=name,
        defaults={
            "kind": kind,
            "unit": unit,
            "summary": summary,
            "mandate": mandate,
            "meetings_public": public,
            "term_start": date(today.year - 1, 1, 1),
            "term_end": date(today.year + 2, 12, 31),
        },
    )
    return council


def _seats(council, seats):
    for seat_type, required, vote, speak, attend in seats:
        SeatRule.objects.get_or_create(
            council=council,
            seat_type=seat_type,
            defaults={
                "required_count": required,
                "can_vote": vote,
                "can_speak_and_propose": speak,
                "must_attend": attend,
            },
        )


def _user(ctx, key, name):
    if key in ctx.users:
        return ctx.users[key]
    user = User.objects.filter(email=key).first()
    if user is None:
        user = User.objects.create_user(key, ctx.password, full_name=name)
    return user


def _members(ctx, council, rows, today):
    """Returns the memberships by their key (demo user key or e-mail)."""
    found = {}
    for key, name, seat_type, abbreviation, description, listed in rows:
        user = _user(ctx, key, name)
        organisation = (
            RepresentedOrganisation.objects.get(abbreviation=abbreviation) if abbreviation else None
        )
        membership, _ = Membership.objects.get_or_create(
            council=council,
            user=user,
            seat_type=seat_type,
            defaults={
                "organisation": organisation,
                "description": description,
                "listed_publicly": listed,
                "start": council.term_start or today,
            },
        )
        found[key] = membership
    return found


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _meeting(council, title, **defaults):
    meeting, _ = Meeting.objects.get_or_create(council=council, title=title, defaults=defaults)
    return meeting


def _item(meeting, number, title, kind, **defaults):
    item, _ = AgendaItem.objects.get_or_create(
        meeting=meeting, title=title, defaults={"number": number, "kind": kind, **defaults}
    )
    return item


def _comment(item, author, text, *, parent=None, age):
    comment = Comment.objects.filter(item=item, author=author, parent=parent).first()
    if comment is None:
        comment = Comment.objects.create(
            item=item, author=author, parent=parent, text=text, created_at=timezone.now() - age
        )
    return comment


def _upcoming_meeting(council, members, today):
    day = today + timedelta(days=10)
    meeting = _meeting(
        council,
        "Møde om enhedens budgetforslag",
        starts_at=_at(day, 14),
        ends_at=_at(day, 16),
        location="Center for brugererfaring, mødelokale 2",
        comment_deadline=_at(day - timedelta(days=2), 12),
        status=MeetingStatus.PUBLISHED,
        agenda_published_at=timezone.now() - timedelta(days=3),
    )
    _item(
        meeting,
        1,
        "Godkendelse af dagsorden",
        ItemKind.DECISION,
        recommendation="Dagsordenen godkendes.",
    )
    _item(
        meeting,
        2,
        "Orientering fra enhedslederen",
        ItemKind.ORIENTATION,
        body=(
            "Enhedslederen orienterer om ventelisten til boligtjenesten og om arbejdet i "
            "Center for brugererfaring og brugerombuddet."
        ),
    )
    budget = _item(
        meeting,
        3,
        "Enhedens forslag til budget for næste år",
        ItemKind.BUDGET,
        body=(
            "Rådet skal efter sit kommissorium behandle forslaget til budget for enheden og "
            "høres om fordelingen, efter at kommunalbestyrelsen har vedtaget budgettet.\n\n"
            "Forslaget fordeler rammen på enhedens afdelinger:\n\n"
            "- Udekontakten\n"
            "- Socialtjenesten ved Socialmedicinsk center\n"
            "- Miljøarbejdertjenesten\n"
            "- Afdeling for arbejds- og aktivitetstilbud\n"
            "- Afdeling for boligtjenester\n"
            "- Afdeling for psykiatriske hjemmetjenester\n\n"
            "Rammen er den samme som i år. Forslaget flytter 0,4 mio. kr. fra "
            "fællestjenesterne til boligtjenesten for at nedbringe ventelisten."
        ),
        recommendation=(
            "Det indstilles, at rådet drøfter forslaget og afgiver en udtalelse, inden "
            "Socialudvalget behandler budgettet."
        ),
        first_put_on=today - timedelta(days=3),
    )
    _demo_attachment(budget, "Budgetforslag med fordeling på afdelinger", "budgetforslag.pdf")
    _item(
        meeting,
        4,
        "Høring: brugerstyrede tiltag i Center for brugererfaring",
        ItemKind.HEARING,
        body=(
            "Enheden vil samle de brugerstyrede tiltag – netværkscaféen Kafe X, Tilbake til "
            "verden og selvhjælpsgrupperne – under Center for brugererfaring. Rådet bedes "
            "udtale sig om forslaget."
        ),
        first_put_on=today - timedelta(days=3),
    )
    _item(meeting, 5, "Eventuelt", ItemKind.ORIENTATION)

    first = _comment(
        budget,
        members["member"].user,
        "RIO foreslår, at pengene til netværkscaféen fastholdes. For mange er caféen det første "
        "skridt tilbage til et netværk, og den koster lidt i forhold til det, den sparer.",
        age=timedelta(days=2),
    )
    _comment(
        budget,
        members["member2"].user,
        "LPP støtter RIO. Vi savner også en pulje til pårørendearbejdet i forslaget.",
        age=timedelta(days=1, hours=20),
    )
    _comment(
        budget,
        members["enhedsleder@demokommune.example"].user,
        "Tak for det. Vi regner på en pulje til pårørendearbejdet og kommer med et forslag på mødet.",
        parent=first,
        age=timedelta(days=1),
    )


def _past_meeting(ctx, council, members, today):
    day = today - timedelta(days=45)
    meeting = _meeting(
        council,
        "Møde om åbningstider i Udekontakten",
        starts_at=_at(day, 14),
        ends_at=_at(day, 16),
        location="Center for brugererfaring, mødelokale 2",
        comment_deadline=_at(day - timedelta(days=2), 12),
        status=MeetingStatus.MINUTES_APPROVED,
        agenda_published_at=_at(day - timedelta(days=14), 9),
        minutes=(
            "Alle punkter blev behandlet. Rådet afgav udtalelse om Udekontaktens åbningstider "
            "og om fordelingen af budgettet. Næste møde behandler enhedens budgetforslag."
        ),
        minutes_approved_at=_at(day + timedelta(days=7), 10),
    )
    _item(
        meeting,
        1,
        "Godkendelse af referat fra sidste møde",
        ItemKind.DECISION,
        decision="Referatet blev godkendt.",
    )
    hours = _item(
        meeting,
        2,
        "Høring: nye åbningstider i Udekontakten",
        ItemKind.HEARING,
        body="Udekontakten foreslår at lukke aftenåbningen og i stedet holde længere åbent om formiddagen.",
        decision="Rådet afgav udtalelse, se nedenfor.",
        first_put_on=day - timedelta(days=7),
    )
    statement, _ = Statement.objects.get_or_create(
        item=hours,
        defaults={
            "text": (
                "Rådet anbefaler, at Udekontakten fortsat holder åbent om aftenen to dage om ugen. "
                "Mange brugere kan ikke komme i dagtimerne."
            ),
            "given_on": day,
            "recorded_by": ctx.users["secretary"],
        },
    )
    Response.objects.get_or_create(
        statement=statement,
        defaults={
            "outcome": ResponseOutcome.PARTLY_FOLLOWED,
            "reasons": (
                "Udekontakten holder åbent om aftenen én dag om ugen. En anden aften prøves i et "
                "halvt år sammen med frivillige fra brugerorganisationerne."
            ),
            "answered_on": day + timedelta(days=21),
            "decided_on": day + timedelta(days=14),
            "recorded_by": ctx.users["administrator"],
        },
    )
    allocation = _item(
        meeting,
        3,
        "Fordeling af budgettet efter kommunalbestyrelsens vedtagelse",
        ItemKind.BUDGET,
        decision="Rådet afgav udtalelse, se nedenfor.",
        first_put_on=day - timedelta(days=3),
    )
    Statement.objects.get_or_create(
        item=allocation,
        defaults={
            "text": "Rådet ønsker, at besparelsen ikke rammer Afdeling for arbejds- og aktivitetstilbud.",
            "given_on": day,
            "recorded_by": ctx.users["secretary"],
        },
    )
    for key, membership in members.items():
        status = (
            AttendanceStatus.SENT_APOLOGIES
            if key == "raad.politiker2@demokommune.example"
            else AttendanceStatus.PRESENT
        )
        Attendance.objects.get_or_create(
            meeting=meeting, membership=membership, defaults={"status": status}
        )


def _relatives_meeting(council, members, today):
    day = today + timedelta(days=20)
    meeting = _meeting(
        council,
        "Møde om aflastning",
        starts_at=_at(day, 17),
        ends_at=_at(day, 19),
        location="Bofællesskabet Lærkevej, fælleshuset",
        comment_deadline=_at(day - timedelta(days=3), 12),
    )
    _item(
        meeting,
        1,
        "Aflastningspladser i weekenden",
        ItemKind.DISCUSSION,
        body="Drøftelse af ventetiden på aflastning i weekenderne.",
    )


def _demo_attachment(item, title, filename):
    if Attachment.objects.filter(item=item, title=title).exists():
        return
    content = minimal_pdf(title)
    attachment = Attachment(item=item, title=title, filename=filename, size=len(content))
    attachment.file.save(filename, ContentFile(content), save=False)
    attachment.save()


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text, built by hand (no renderer needed)."""
    safe = text.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 760 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
