"""Council seats, attendance, comments, statements and uploads (core.personaldata)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.personaldata import PersonalDataKind, Retention, before
from councils.models import (
    AgendaItem,
    AgendaNotification,
    Attachment,
    Attendance,
    CalendarToken,
    Comment,
    Meeting,
    MeetingVisit,
    Membership,
    Response,
    Statement,
)

# What a comment's text becomes when its retention period ends: the discussion's place in
# the thread stays, so replies still make sense.
REMOVED_TEXT = "[slettet efter slettefrist]"


def _when(value):
    return value.isoformat() if value else None


def _membership(m):
    return {
        "råd": m.council.name,
        "plads": m.get_seat_type_display(),
        "repræsenterer": str(m.organisation) if m.organisation_id else None,
        "beskrivelse": m.description,
        "fra": _when(m.start),
        "til": _when(m.end),
        "samtykke_til_offentligt_navn": m.listed_publicly,
    }


def _role(user):
    latest = (
        Membership.objects.filter(user=user)
        .select_related("organisation", "council")
        .order_by("-start")
        .first()
    )
    if latest is None:
        return None
    if latest.organisation_id and latest.organisation.abbreviation:
        return "medlem", latest.organisation.abbreviation
    return "medlem", "".join(word[0] for word in latest.council.name.split() if word[0].isupper())


def _comment(c):
    return {
        "møde": c.item.meeting.display_title,
        "punkt": c.item.title,
        "skrevet": _when(c.created_at),
        "rettet": _when(c.edited_at),
        "skjult": _when(c.hidden_at),
        "tekst": c.text,
    }


def _old_comments(now, dry_run):
    cutoff = before(now, settings.PORTAL_RETENTION_COMMENT_YEARS, "years")
    due = Comment.objects.filter(item__meeting__starts_at__lt=cutoff).exclude(text=REMOVED_TEXT)
    count = due.count()
    if not dry_run:
        due.update(text=REMOVED_TEXT)
    return count


def _hidden_comment_texts(now, dry_run):
    cutoff = before(now, settings.PORTAL_RETENTION_HIDDEN_COMMENT_DAYS, "days")
    due = Comment.objects.filter(hidden_at__lt=cutoff).exclude(text=REMOVED_TEXT)
    count = due.count()
    if not dry_run:
        due.update(text=REMOVED_TEXT)
    return count


def _mentions(user):
    return [
        (Meeting.objects.all(), ["minutes", "title", "location"]),
        (AgendaItem.objects.all(), ["title", "body", "recommendation", "decision"]),
        # A hidden comment's text is read only through the logged "Vis skjult tekst" view
        # (and is removed after PORTAL_RETENTION_HIDDEN_COMMENT_DAYS): not quoted here.
        (Comment.objects.exclude(author=user).filter(hidden_at__isnull=True), ["text"]),
        (Comment.objects.exclude(author=user), ["hidden_reason"]),
        (Comment.objects.filter(author=user), ["hidden_reason"]),
        (Statement.objects.all(), ["text"]),
        (Response.objects.all(), ["reasons"]),
        (Membership.objects.exclude(user=user), ["description"]),
    ]


def _forget_visits(user, identity):
    # When a former member last opened a meeting serves nothing once they are gone.
    MeetingVisit.objects.filter(user=user).delete()


KINDS = [
    PersonalDataKind(
        name="councils.meeting_visits",
        label=_("Hvornår du sidst åbnede et møde (til »Ny siden sidst«)"),
        rows=lambda user: MeetingVisit.objects.filter(user=user).select_related("meeting"),
        serialize=lambda v: {
            "møde": str(v.meeting),
            "sidst_åbnet": _when(v.last_opened_at),
            "åbnet_før_det": _when(v.previous_opened_at),
        },
        pseudonymise=_forget_visits,
    ),
    PersonalDataKind(
        name="councils.memberships",
        label=_("Medlemskaber af råd og samtykke til offentligt navn"),
        rows=lambda user: Membership.objects.filter(user=user).select_related(
            "council", "organisation"
        ),
        serialize=_membership,
        pseudonym_role=_role,
        # The free-text description may identify a former member ("formand for …"); the seat
        # type, organisation and dates are what the records need.
        pseudonymise=lambda user, identity: Membership.objects.filter(user=user).update(
            description="", listed_publicly=False
        ),
        engagements=lambda: Membership.objects.values_list("user_id", "end"),
    ),
    PersonalDataKind(
        name="councils.attendance",
        label=_("Fremmøde"),
        rows=lambda user: Attendance.objects.filter(membership__user=user).select_related(
            "meeting__council"
        ),
        serialize=lambda a: {
            "møde": a.meeting.display_title,
            "råd": a.meeting.council.name,
            "dato": _when(a.meeting.starts_at),
            "fremmøde": a.get_status_display(),
        },
    ),
    PersonalDataKind(
        name="councils.comments",
        label=_("Kommentarer til dagsordener"),
        rows=lambda user: Comment.objects.filter(author=user).select_related("item__meeting"),
        serialize=_comment,
        mentions=_mentions,
        retention=Retention(
            setting="PORTAL_RETENTION_COMMENT_YEARS",
            unit="years",
            label=_("Kommentarernes tekst fjernes, regnet fra mødets dato"),
            apply=_old_comments,
        ),
    ),
    PersonalDataKind(
        name="councils.hidden_comments",
        label=_("Skjulte kommentarers tekst"),
        retention=Retention(
            setting="PORTAL_RETENTION_HIDDEN_COMMENT_DAYS",
            unit="days",
            label=_("Teksten i skjulte kommentarer fjernes, regnet fra da den blev skjult"),
            apply=_hidden_comment_texts,
        ),
    ),
    PersonalDataKind(
        name="councils.statements",
        label=_("Udtalelser, du har skrevet ind"),
        rows=lambda user: Statement.objects.filter(recorded_by=user).select_related(
            "item__meeting"
        ),
        serialize=lambda s: {
            "møde": s.item.meeting.display_title,
            "punkt": s.item.title,
            "udtalelse": s.text,
        },
    ),
    PersonalDataKind(
        name="councils.attachments",
        label=_("Bilag, du har lagt op"),
        rows=lambda user: Attachment.objects.filter(uploaded_by=user).select_related(
            "item__meeting"
        ),
        serialize=lambda a: {
            "møde": a.item.meeting.display_title,
            "punkt": a.item.title,
            "titel": a.title,
            "filnavn": a.filename,
        },
        files=lambda a: [a.file],
    ),
    PersonalDataKind(
        name="councils.agenda_emails",
        label=_("Dagsordener, du har fået på e-mail"),
        rows=lambda user: AgendaNotification.objects.filter(user=user).select_related("meeting"),
        serialize=lambda n: {"møde": n.meeting.display_title, "sendt": _when(n.sent_at)},
    ),
    PersonalDataKind(
        name="councils.calendar",
        label=_("Personlig kalenderadresse"),
        rows=lambda user: CalendarToken.objects.filter(user=user),
        serialize=lambda t: {"aktiv": True, "oprettet": _when(t.created_at)},
        pseudonymise=lambda user, identity: CalendarToken.objects.filter(user=user).delete(),
    ),
]
