"""The outbox builders: one e-mail per notice sent at once, and the daily digest.

Both are built when the outbox sends them, in the recipient's language, from what is still
true then: a comment hidden meanwhile, a meeting the member may no longer see or a kind they
switched off is left out (and an e-mail with nothing left is not sent).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.email import absolute_url, build_templated_mail
from councils.models import Meeting
from notifications.kinds import Frequency, Kind

NOTICE_MAIL = "notifications.notice"
DIGEST_MAIL = "notifications.digest"


def _add_unsubscribe(email, url):
    email.extra_headers.update(_unsubscribe(url))


def _unsubscribe(url) -> dict:
    # RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs here.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def unsubscribe_headers(user_id: int, kind: str) -> dict:
    """The headers that switch one kind off for one member (councils' own agenda e-mail)."""
    from notifications.tokens import unsubscribe_url

    return _unsubscribe(unsubscribe_url(user_id, kind))


def _still_shown(notices, user):
    """The notices the user may still see and wants, in the order they happened."""
    from notifications.models import frequencies_for

    if not notices:
        return []
    chosen = frequencies_for([user.pk])[user.pk]
    visible = set(
        Meeting.objects.visible_to(user)
        .filter(pk__in={n.meeting_id for n in notices})
        .values_list("pk", flat=True)
    )
    shown = []
    for notice in notices:
        if chosen.get(notice.kind) == Frequency.OFF or notice.meeting_id not in visible:
            continue
        if notice.comment_id and notice.comment.hidden_at is not None:
            continue
        shown.append(notice)
    return shown


def _line(notice) -> str:
    if notice.kind == Kind.AGENDA_PUBLISHED:
        return _("Dagsordenen er offentliggjort eller opdateret.")
    if notice.kind == Kind.COMMENT_DEADLINE:
        return _("Fristen for kommentarer er om 2 dage. Du har ikke kommenteret endnu.")
    if notice.kind == Kind.NEW_COMMENTS:
        return _("Ny kommentar fra %(author)s til punkt %(number)s. %(title)s") % {
            "author": notice.comment.author.full_name,
            "number": notice.item.number,
            "title": notice.item.title,
        }
    if notice.kind == Kind.RESPONSE:
        return _("Forvaltningen har svaret på rådets udtalelse til punkt %(number)s. %(title)s") % {
            "number": notice.item.number,
            "title": notice.item.title,
        }
    if notice.kind == Kind.MINUTES_APPROVED:
        return _("Referatet er godkendt.")
    if notice.detail == "cancelled":
        return _("Mødet er aflyst.")
    return _("Mødet har fået nyt tidspunkt eller sted.")


def _comments_line(notices) -> str:
    if len(notices) == 1:
        return _line(notices[0])
    first = notices[0]
    authors = list(dict.fromkeys(n.comment.author.full_name for n in notices))
    return ngettext(
        "%(count)d ny kommentar til punkt %(number)s. %(title)s (fra %(authors)s)",
        "%(count)d nye kommentarer til punkt %(number)s. %(title)s (fra %(authors)s)",
        len(notices),
    ) % {
        "count": len(notices),
        "number": first.item.number,
        "title": first.item.title,
        "authors": ", ".join(authors),
    }


def _link(notice, meeting_url=None) -> str:
    """The meeting's address (``meeting_url``, if known: one reverse per meeting) + anchor."""
    url = meeting_url or absolute_url(notice.meeting.get_absolute_url())
    if notice.comment_id:
        return f"{url}#kommentar-{notice.comment_id}"
    if notice.item_id:
        return f"{url}#punkt-{notice.item_id}"
    return url


def _ics(notice) -> bytes:
    """The meeting as it is now; councils.ics gives a cancelled meeting STATUS:CANCELLED and
    its raised SEQUENCE, and the e-mail's copy says METHOD:CANCEL to the calendar program."""
    from icalendar import Calendar

    from councils.ics import build_calendar

    meeting = notice.meeting
    body = build_calendar(meeting.council.name, [meeting])
    if notice.detail != "cancelled":
        return body
    calendar = Calendar.from_ical(body)
    calendar["method"] = "CANCEL"
    return calendar.to_ical()


def build_notice(message):
    from notifications.models import Notice
    from notifications.tokens import unsubscribe_url

    notice = (
        Notice.objects.select_related(
            "user", "meeting__council", "item", "comment__author", "comment__item__meeting"
        )
        .filter(pk=message.payload["notice"])
        .first()
    )
    if notice is None or not notice.user.is_active:
        return None
    if not _still_shown([notice], notice.user):
        return None
    unsubscribe = unsubscribe_url(notice.user_id, notice.kind)
    email = build_templated_mail(
        "notifications/email/notice",
        {
            "notice": notice,
            "meeting": notice.meeting,
            "council": notice.meeting.council,
            "line": _line(notice),
            "link": _link(notice),
            "recipient": notice.user,
            "kind_label": Kind(notice.kind).label,
            "settings_link": absolute_url(reverse("notifications:settings")),
            "unsubscribe_link": unsubscribe,
        },
        [notice.user.email],
    )
    _add_unsubscribe(email, unsubscribe)
    if notice.kind == Kind.MEETING_CHANGED:
        email.attach("moede.ics", _ics(notice), "text/calendar; charset=utf-8")
    return email


def digest_groups(notices):
    """[(council, [(meeting, [(line, link), ...]), ...]), ...] in council and meeting order."""
    councils: dict = {}
    urls: dict = {}
    for notice in notices:
        council = notice.meeting.council
        meetings = councils.setdefault(council.pk, (council, {}))[1]
        if notice.meeting_id not in urls:
            urls[notice.meeting_id] = absolute_url(notice.meeting.get_absolute_url())
        lines = meetings.setdefault(notice.meeting_id, (notice.meeting, []))[1]
        if notice.kind == Kind.NEW_COMMENTS:
            # One line per item however many comments: "3 nye kommentarer til punkt 4 (fra …)".
            found = next((e for e in lines if e.get("item") == notice.item_id), None)
            if found is not None:
                found["comments"].append(notice)
                continue
            lines.append(
                {
                    "item": notice.item_id,
                    "comments": [notice],
                    "link": _link(notice, urls[notice.meeting_id]),
                    "kind": notice.kind,
                }
            )
            continue
        lines.append(
            {
                "line": _line(notice),
                "link": _link(notice, urls[notice.meeting_id]),
                "kind": notice.kind,
            }
        )
    for _council, meetings in councils.values():
        for _meeting, lines in meetings.values():
            for entry in lines:
                if "comments" in entry:
                    entry["line"] = _comments_line(entry.pop("comments"))
    groups = []
    for council, meetings in sorted(councils.values(), key=lambda pair: pair[0].name):
        ordered = sorted(meetings.values(), key=lambda pair: (pair[0].starts_at, pair[0].pk))
        groups.append((council, ordered))
    return groups


def build_digest(message):
    from notifications.models import Digest
    from notifications.tokens import DIGEST, unsubscribe_url

    digest = Digest.objects.select_related("user").filter(pk=message.payload["digest"]).first()
    if digest is None or not digest.user.is_active:
        return None
    user = digest.user
    notices = _still_shown(
        list(
            digest.notices.select_related("meeting__council", "item", "comment__author")
            # Long texts the digest does not quote are not read.
            .defer(
                "meeting__minutes",
                "meeting__council__mandate",
                "item__body",
                "item__recommendation",
                "item__decision",
                "comment__text",
            )
            .order_by("created_at", "pk")
        ),
        user,
    )
    if not notices:
        return None
    kinds = sorted({n.kind for n in notices}, key=list(Kind.values).index)
    unsubscribe = unsubscribe_url(user.pk, DIGEST)
    email = build_templated_mail(
        "notifications/email/digest",
        {
            "digest": digest,
            "recipient": user,
            "groups": digest_groups(notices),
            "count": len(notices),
            "kinds": [
                {"label": Kind(kind).label, "unsubscribe": unsubscribe_url(user.pk, kind)}
                for kind in kinds
            ],
            "settings_link": absolute_url(reverse("notifications:settings")),
            "unsubscribe_link": unsubscribe,
            "base_url": settings.PORTAL_BASE_URL,
        },
        [user.email],
    )
    _add_unsubscribe(email, unsubscribe)
    return email
