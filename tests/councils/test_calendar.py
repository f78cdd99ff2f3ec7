"""iCalendar feeds parse back and hold exactly the meetings the reader may see (acceptance 5)."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from councils.models import CalendarToken, Meeting

pytestmark = pytest.mark.django_db


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar.get("PRODID")
    events = calendar.walk("VEVENT")
    for event in events:
        # RFC 5545 requires UID and DTSTAMP on every event.
        assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART")
    return {str(event["UID"]): event for event in events}


def _uid(meeting):
    return f"councils-meeting-{meeting.pk}@testserver"


def test_public_council_feed_has_its_meetings(client, world):
    public_meeting = world["public_meeting"]
    events = _events(client.get(reverse("councils:council_feed", args=[world["other_council"].pk])))
    assert set(events) == {_uid(public_meeting)}
    event = events[_uid(public_meeting)]
    assert event.decoded("DTSTART") == public_meeting.starts_at.replace(microsecond=0)
    assert "Åbent møde" in str(event["SUMMARY"])
    assert str(event["LOCATION"]) == public_meeting.location


@pytest.mark.parametrize("role", ["anonymous", "member", "administrator"])
def test_members_only_council_feed_is_empty_for_everyone(client, world, role):
    user = world.user(role)
    if user:
        client.force_login(user)
    events = _events(client.get(reverse("councils:council_feed", args=[world["council"].pk])))
    assert events == {}


def test_private_feed_holds_the_members_councils_meetings(client, world):
    token = world["calendar_token"].token
    events = _events(client.get(reverse("councils:member_feed", args=[token])))
    expected = Meeting.objects.filter(council=world["council"])
    assert set(events) == {_uid(m) for m in expected}
    assert _uid(world["public_meeting"]) not in events


def test_private_feed_follows_membership(client, world):
    token = world["calendar_token"].token
    world["membership"].delete()
    events = _events(client.get(reverse("councils:member_feed", args=[token])))
    assert events == {}


def test_revoked_and_renewed_tokens(client, world, member):
    old = world["calendar_token"].token
    client.force_login(member)
    url = reverse("councils:calendar")
    confirm = client.post(url, {"action": "create"})
    assert "Lav en ny privat kalenderadresse?" in confirm.content.decode()
    assert CalendarToken.objects.get(user=member).token == old
    client.post(url, {"action": "create", "confirmed": "1"})
    new = CalendarToken.objects.get(user=member).token
    assert new != old
    client.logout()
    assert client.get(reverse("councils:member_feed", args=[old])).status_code == 404
    assert client.get(reverse("councils:member_feed", args=[new])).status_code == 200

    client.force_login(member)
    client.post(url, {"action": "revoke", "confirmed": "1"})
    assert not CalendarToken.objects.filter(user=member).exists()
    client.logout()
    assert client.get(reverse("councils:member_feed", args=[new])).status_code == 404


def test_calendar_page_shows_the_address(client, world, member):
    client.force_login(member)
    body = client.get(reverse("councils:calendar")).content.decode()
    assert world["calendar_token"].token in body


def test_inactive_users_feed_is_gone(client, world, member):
    member.is_active = False
    member.save()
    token = world["calendar_token"].token
    assert client.get(reverse("councils:member_feed", args=[token])).status_code == 404


def test_private_feed_of_another_councils_member(client, world):
    # The outsider sits only in the public council: none of the members-only council's meetings.
    token = CalendarToken.objects.create(user=world.users["outsider"]).token
    events = _events(client.get(reverse("councils:member_feed", args=[token])))
    assert set(events) == {_uid(world["public_meeting"])}
    assert world["meeting"].title not in str(events)
