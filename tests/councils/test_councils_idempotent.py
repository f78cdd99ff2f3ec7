"""A second click on "Offentliggør dagsordenen" or "Godkend referatet" ends where the first did."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from councils.models import AgendaNotification, MeetingStatus

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_publish_agenda_clicked_twice_publishes_once_and_says_so(
    client, world, secretary, django_capture_on_commit_callbacks, mailoutbox
):
    meeting = world["planned_meeting"]
    url = reverse("councils:meeting_publish", args=[meeting.pk])
    client.force_login(secretary)
    page = client.get(url).content.decode()
    assert 'name="seen_status" value="planned"' in page
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"seen_status": "planned"})
    meeting.refresh_from_db()
    published_at = meeting.agenda_published_at
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url, {"seen_status": "planned"})
    assert first["Location"] == second["Location"] == meeting.get_absolute_url()
    assert any("allerede offentliggjort" in m for m in _messages(second))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    assert meeting.agenda_published_at == published_at
    assert len(mailoutbox) == sent, "no member gets the same agenda twice"
    assert AgendaNotification.objects.filter(meeting=meeting).count() == sent


def test_a_second_publish_from_a_stale_page_before_the_mails_went_is_still_recognised(
    client, world, secretary
):
    meeting = world["planned_meeting"]
    url = reverse("councils:meeting_publish", args=[meeting.pk])
    client.force_login(secretary)
    client.post(url, {"seen_status": "planned"})  # e-mails not sent yet (queued on commit)
    second = client.post(url, {"seen_status": "planned"})
    assert any("allerede offentliggjort" in m for m in _messages(second))


def test_sending_a_changed_agenda_is_not_mistaken_for_a_repeat(client, world, secretary):
    meeting = world["meeting"]  # published; its members have not had this version
    client.force_login(secretary)
    response = client.post(
        reverse("councils:meeting_publish", args=[meeting.pk]), {"seen_status": "published"}
    )
    assert not any("allerede" in m for m in _messages(response))


def test_approve_minutes_clicked_twice_ends_on_the_meeting(client, world, secretary):
    meeting = world["held_meeting"]
    url = reverse("councils:meeting_minutes", args=[meeting.pk])
    data = {"minutes": "Rådet drøftede høringen.\r\nMødet sluttede 17.", "approve": "1"}
    client.force_login(secretary)
    first = client.post(url, data)
    meeting.refresh_from_db()
    approved_at = meeting.minutes_approved_at
    assert meeting.status == MeetingStatus.MINUTES_APPROVED
    second = client.post(url, data)
    assert first["Location"] == second["Location"] == meeting.get_absolute_url()
    assert any("allerede godkendt" in m for m in _messages(second))
    meeting.refresh_from_db()
    assert meeting.minutes_approved_at == approved_at


def test_changed_minutes_after_approval_are_still_refused(client, world, secretary):
    meeting = world["held_meeting"]
    url = reverse("councils:meeting_minutes", args=[meeting.pk])
    client.force_login(secretary)
    client.post(url, {"minutes": "Referat.", "approve": "1"})
    response = client.post(url, {"minutes": "Et andet referat.", "approve": "1"})
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.minutes == "Referat."


def test_a_member_gets_no_already_approved_shortcut(client, world, member):
    meeting = world["held_meeting"]
    url = reverse("councils:meeting_minutes", args=[meeting.pk])
    meeting.minutes, meeting.status = "Referat.", MeetingStatus.MINUTES_APPROVED
    meeting.save()
    client.force_login(member)
    response = client.post(url, {"minutes": "Referat.", "approve": "1"})
    assert response.status_code in (403, 404)
