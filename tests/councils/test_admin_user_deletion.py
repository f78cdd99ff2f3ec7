"""Deleting a user never rewrites approved minutes; a user in no record can still go."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from councils.models import Attendance, AttendanceStatus, Membership
from tests.accounts.factories import UserFactory
from tests.adminform import form_data
from tests.councils.factories import MembershipFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def _delete(client, user):
    return client.post(reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"})


def _attend(meeting, membership, status=AttendanceStatus.PRESENT):
    return Attendance.objects.create(meeting=meeting, membership=membership, status=status)


def test_user_in_approved_minutes_cannot_be_deleted(admin_client, world):
    meeting = world["approved_meeting"]
    membership = MembershipFactory(council=meeting.council)
    others = [MembershipFactory(council=meeting.council) for _ in range(2)]
    for seat in [membership, *others]:
        _attend(meeting, seat)
    before = Attendance.objects.filter(meeting=meeting).count()
    assert before == 3

    page = admin_client.get(reverse("admin:accounts_user_delete", args=[membership.user_id]))
    assert page.status_code == 200
    assert page.context["protected"]  # Django's own "cannot delete" page names the rows
    assert "Deaktivér brugeren i stedet" in page.content.decode()

    response = _delete(admin_client, membership.user)
    assert response.status_code == 200  # the same page again, nothing deleted
    assert User.objects.filter(pk=membership.user_id).exists()
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert Attendance.objects.filter(meeting=meeting).count() == before


def test_seat_in_approved_minutes_cannot_be_deleted(admin_client, world):
    meeting = world["approved_meeting"]
    membership = MembershipFactory(council=meeting.council)
    _attend(meeting, membership)
    url = reverse("admin:councils_membership_delete", args=[membership.pk])
    admin_client.post(url, {"post": "yes"})
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert Attendance.objects.filter(meeting=meeting, membership=membership).exists()


def test_user_in_no_approved_record_can_be_deleted(admin_client, world):
    # A seat, and attendance at a meeting whose minutes are not approved yet.
    membership = MembershipFactory(council=world["council"])
    _attend(world["held_meeting"], membership, AttendanceStatus.SENT_APOLOGIES)
    response = _delete(admin_client, membership.user)
    assert response.status_code == 302
    assert not User.objects.filter(pk=membership.user_id).exists()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not Attendance.objects.filter(membership_id=membership.pk).exists()


def test_user_without_seats_can_be_deleted(admin_client):
    user = UserFactory()
    assert _delete(admin_client, user).status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_uploader_and_recorder_of_approved_minutes_stay_on_record(admin_client, world):
    item = world["approved_item"]
    uploader, recorder = UserFactory(), UserFactory()
    attachment = world["approved_attachment"]
    attachment.uploaded_by = uploader
    attachment.save()
    statement = StatementFactory(item=item, recorded_by=recorder)
    for user in (uploader, recorder):
        _delete(admin_client, user)
        assert User.objects.filter(pk=user.pk).exists()
    attachment.refresh_from_db()
    statement.refresh_from_db()
    assert (attachment.uploaded_by, statement.recorded_by) == (uploader, recorder)


def test_uploader_of_an_open_agenda_can_be_deleted(admin_client, world):
    uploader = UserFactory()
    attachment = world["attachment"]
    attachment.uploaded_by = uploader
    attachment.save()
    assert _delete(admin_client, uploader).status_code == 302
    attachment.refresh_from_db()
    assert attachment.uploaded_by is None


def test_seat_in_approved_minutes_is_not_given_to_someone_else(admin_client, world):
    meeting = world["approved_meeting"]
    membership = MembershipFactory(council=meeting.council)
    original = membership.user_id
    _attend(meeting, membership)
    url = reverse("admin:councils_membership_change", args=[membership.pk])
    data = form_data(admin_client, url, user=UserFactory().pk)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Medlemskabet indgår i godkendte referater" in response.content.decode()
    membership.refresh_from_db()
    assert membership.user_id == original
    # Ending the seat is still possible.
    data = form_data(admin_client, url, end=timezone.localdate().isoformat())
    assert admin_client.post(url, data).status_code == 302


def test_seat_in_approved_minutes_is_not_deleted_from_the_council_page(admin_client, world):
    meeting = world["approved_meeting"]
    council = meeting.council
    membership = MembershipFactory(council=council)
    _attend(meeting, membership)
    url = reverse("admin:councils_council_change", args=[council.pk])
    data = form_data(admin_client, url)
    rows = int(data["memberships-TOTAL_FORMS"])
    index = next(i for i in range(rows) if str(data[f"memberships-{i}-id"]) == str(membership.pk))
    data[f"memberships-{index}-DELETE"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with Django's "protected" error
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert Attendance.objects.filter(meeting=meeting, membership=membership).exists()
