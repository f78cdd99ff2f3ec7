"""iCalendar (RFC 5545) for meetings: the feeds and the single-meeting file of e-mails.

A cancelled meeting stays in the calendar with ``STATUS:CANCELLED``; its ``SEQUENCE`` (the
meeting's ``sequence``, raised on every move and on cancelling) tells calendar programs
that this copy replaces the one they hold.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from core.email import absolute_url

DEFAULT_DURATION = timedelta(hours=2)


def meeting_uid(meeting) -> str:
    host = urlsplit(settings.PORTAL_BASE_URL).hostname or "portal"
    return f"councils-meeting-{meeting.pk}@{host}"


def meeting_event(meeting, stamp=None) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", stamp or timezone.now().replace(microsecond=0))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)
    event.add("summary", f"{meeting.council.name}: {meeting.display_title}")
    if meeting.location:
        event.add("location", meeting.location)
    link = absolute_url(meeting.get_absolute_url())
    event.add("url", link)
    event.add("description", f"{meeting.get_status_display()}. {link}")
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def build_calendar(name: str, meetings) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.PORTAL_MUNICIPALITY}//Brugerraadsportalen//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().replace(microsecond=0)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, stamp))
    return calendar.to_ical()
