"""The Django admin keeps the lock of approved minutes, as the portal does (councils.rules).

Every refusal is tested with the form the admin itself offers, posted back with changes,
so that the request would be saved if only the page (not the server) refused it.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Council,
    Meeting,
    MeetingStatus,
)
from tests.adminform import change_url, delete_selected, delete_url, form_data
from tests.councils.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(world):
    """``approved_meeting`` with an attendance row, as the portal records it."""
    meeting = world["approved_meeting"]
    Attendance.objects.create(
        meeting=meeting, membership=world["membership"], status=AttendanceStatus.PRESENT
    )
    return meeting


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def _snapshot(meeting):
    return {
        "meeting": Meeting.objects.filter(pk=meeting.pk).values().get(),
        "items": list(AgendaItem.objects.filter(meeting=meeting).order_by("pk").values()),
        "attendance": list(Attendance.objects.filter(meeting=meeting).order_by("pk").values()),
    }


def test_approved_meeting_page_is_read_only(admin_client, approved):
    body = admin_client.get(change_url(approved)).content.decode()
    assert "Godkendt referat." in body  # the record is shown…
    for field in ['name="status"', 'name="minutes"', 'name="items-0-title"']:
        assert field not in body  # …but offers nothing to change
    assert 'name="attendances-0-status"' not in body
    assert 'name="_save"' not in body


@pytest.mark.parametrize(
    "changes",
    [
        {"status": MeetingStatus.HELD},
        {"minutes": "Et omskrevet referat."},
        {"title": "Nyt navn"},
    ],
    ids=["status", "minutes", "title"],
)
def test_posted_change_of_an_approved_meeting_is_refused(admin_client, approved, changes):
    before = _snapshot(approved)
    data = form_data(admin_client, change_url(approved), **changes)
    response = admin_client.post(change_url(approved), data)
    assert response.status_code == 403
    assert _snapshot(approved) == before


def test_posted_inlines_of_an_approved_meeting_are_refused(admin_client, approved, world):
    before = _snapshot(approved)
    attendance = Attendance.objects.get(meeting=approved)
    item = world["approved_item"]
    data = form_data(admin_client, change_url(approved))
    data.update(
        {
            # The attendance row rewritten, one deleted and one added…
            "attendances-TOTAL_FORMS": "2",
            "attendances-INITIAL_FORMS": "1",
            "attendances-0-id": attendance.pk,
            "attendances-0-meeting": approved.pk,
            "attendances-0-membership": attendance.membership_id,
            "attendances-0-status": AttendanceStatus.ABSENT,
            "attendances-0-DELETE": "on",
            "attendances-1-meeting": approved.pk,
            "attendances-1-membership": MembershipFactory(council=approved.council).pk,
            "attendances-1-status": AttendanceStatus.PRESENT,
            # …and the item retitled and a new one added.
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "1",
            "items-0-id": item.pk,
            "items-0-meeting": approved.pk,
            "items-0-number": "1",
            "items-0-title": "Omskrevet punkt",
            "items-0-kind": item.kind,
            "items-1-meeting": approved.pk,
            "items-1-number": "2",
            "items-1-title": "Sneget ind",
            "items-1-kind": "droeftelse",
        }
    )
    response = admin_client.post(change_url(approved), data)
    assert response.status_code == 403
    assert _snapshot(approved) == before


def test_open_meeting_can_still_be_changed_with_its_attendance(admin_client, world):
    meeting = world["held_meeting"]
    data = form_data(admin_client, change_url(meeting), location="Byrådssalen")
    data.update(
        {
            "attendances-TOTAL_FORMS": "1",
            "attendances-INITIAL_FORMS": "0",
            "attendances-0-meeting": meeting.pk,
            "attendances-0-membership": world["membership"].pk,
            "attendances-0-status": AttendanceStatus.SENT_APOLOGIES,
        }
    )
    response = admin_client.post(change_url(meeting), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting.refresh_from_db()
    assert meeting.location == "Byrådssalen"
    assert Attendance.objects.get(meeting=meeting).status == AttendanceStatus.SENT_APOLOGIES


def test_approved_meeting_cannot_be_deleted(admin_client, approved):
    before = _snapshot(approved)
    assert admin_client.get(delete_url(approved)).status_code == 403
    assert admin_client.post(delete_url(approved), {"post": "yes"}).status_code == 403
    assert _snapshot(approved) == before


def test_delete_selected_refuses_an_approved_meeting(admin_client, approved, world):
    open_meeting = world["planned_meeting"]
    before = _snapshot(approved)
    response = delete_selected(admin_client, [approved, open_meeting])
    assert response.status_code == 403
    assert _snapshot(approved) == before
    assert Meeting.objects.filter(pk=open_meeting.pk).exists()


def test_delete_selected_still_deletes_open_meetings(admin_client, world):
    open_meeting = world["planned_meeting"]
    assert delete_selected(admin_client, [open_meeting]).status_code == 302
    assert not Meeting.objects.filter(pk=open_meeting.pk).exists()


def test_council_with_approved_minutes_cannot_be_deleted(admin_client, approved):
    council = approved.council
    before = _snapshot(approved)
    url = reverse("admin:councils_council_delete", args=[council.pk])
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code in (200, 403)  # the "cannot delete" page, or a refusal
    assert Council.objects.filter(pk=council.pk).exists()
    assert _snapshot(approved) == before


def test_approved_meeting_cannot_be_reverted_from_its_history(admin_client, world):
    # The meeting as it was before its minutes were approved is in its history…
    meeting = world["held_meeting"]
    old = meeting.history.earliest()
    meeting.minutes = "Godkendt."
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.minutes_approved_at = timezone.now()
    meeting.save()
    url = reverse("admin:councils_meeting_simple_history", args=[meeting.pk, old.history_id])
    page = admin_client.get(url)
    assert page.status_code == 200
    # …but posting it back does not bring the old status (or minutes) back.
    response = admin_client.post(url, {"title": old.title, "status": old.status})
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED


def test_portal_meeting_edit_refuses_an_approved_meeting(client, secretary, approved):
    # The portal asks the same rule (councils.change_meeting) and says why.
    client.force_login(secretary)
    url = reverse("councils:meeting_edit", args=[approved.pk])
    response = client.post(url, {"title": "Nyt", "starts_at": "2026-01-01T10:00"})
    assert response.status_code == 403
    assert "Referatet er godkendt, så dagsordenen er låst." in response.content.decode()
    approved.refresh_from_db()
    assert approved.title == "Møde med godkendt referat"
    page = client.get(approved.get_absolute_url()).content.decode()
    assert url not in page
