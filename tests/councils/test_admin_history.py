"""Changes made in the Django admin land in the same history as the portal's."""

import pytest
from django.urls import reverse

from councils.models import Attendance, AttendanceStatus
from tests.adminform import change_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_admin_change_of_a_meeting_is_in_its_history(admin_client, administrator, world):
    meeting = world["held_meeting"]
    data = form_data(admin_client, change_url(meeting), location="Byrådssalen")
    data.update(
        {
            "attendances-TOTAL_FORMS": "1",
            "attendances-INITIAL_FORMS": "0",
            "attendances-0-meeting": meeting.pk,
            "attendances-0-membership": world["membership"].pk,
            "attendances-0-status": AttendanceStatus.PRESENT,
        }
    )
    assert admin_client.post(change_url(meeting), data).status_code == 302
    latest = meeting.history.latest()
    assert latest.location == "Byrådssalen"
    assert latest.history_type == "~"
    assert latest.history_user == administrator
    attendance = Attendance.objects.get(meeting=meeting)
    added = attendance.history.get()
    assert added.history_type == "+"
    assert added.history_user == administrator


def test_admin_change_of_a_membership_is_in_its_history(admin_client, administrator, world):
    membership = world["membership"]
    url = change_url(membership)
    data = form_data(admin_client, url, description="Repræsenterer beboerne")
    assert admin_client.post(url, data).status_code == 302
    latest = membership.history.latest()
    assert latest.description == "Repræsenterer beboerne"
    assert latest.history_user == administrator
    # The admin shows that history (SimpleHistoryAdmin).
    history = admin_client.get(reverse("admin:councils_membership_history", args=[membership.pk]))
    assert history.status_code == 200
    assert "simple_history" in str(history.templates[0].name)


def test_portal_attendance_and_consent_are_in_the_history(client, secretary, member, world):
    meeting = world["held_meeting"]
    client.force_login(secretary)
    response = client.post(
        reverse("councils:meeting_attendance", args=[meeting.pk]),
        {f"m{world['membership'].pk}": AttendanceStatus.PRESENT},
    )
    assert response.status_code == 302
    attendance = Attendance.objects.get(meeting=meeting, membership=world["membership"])
    assert attendance.history.get().history_user == secretary

    client.force_login(member)
    response = client.post(
        reverse("councils:listing_consent", args=[world["council"].pk]),
        {"listed_publicly": "on"},
    )
    assert response.status_code == 302
    latest = world["membership"].history.latest()
    assert latest.listed_publicly is True
    assert latest.history_user == member
