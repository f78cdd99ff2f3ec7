import pytest
from django.urls import reverse

from councils.models import Meeting, MeetingStatus, Membership

pytestmark = pytest.mark.django_db


def test_member_consents_to_public_listing(client, world, member):
    url = reverse("councils:detail", args=[world["council"].pk])
    assert member.full_name not in client.get(url).content.decode()
    client.force_login(member)
    consent = reverse("councils:listing_consent", args=[world["council"].pk])
    client.post(consent, {"listed_publicly": "on"})
    assert Membership.objects.get(pk=world["membership"].pk).listed_publicly
    client.logout()
    assert member.full_name in client.get(url).content.decode()

    client.force_login(member)
    client.post(consent, {})
    client.logout()
    assert member.full_name not in client.get(url).content.decode()


def test_secretary_plans_a_meeting(client, world, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("councils:meeting_create", args=[world["council"].pk]),
        {
            "title": "Ekstraordinært møde",
            "starts_at": "2031-03-12T14:00",
            "ends_at": "2031-03-12T16:00",
            "location": "Rådhuset",
            "comment_deadline": "2031-03-10T12:00",
        },
    )
    meeting = Meeting.objects.get(title="Ekstraordinært møde")
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.council == world["council"]
    assert meeting.status == MeetingStatus.PLANNED
    # Entered in Danish time.
    assert meeting.starts_at.isoformat() == "2031-03-12T13:00:00+00:00"


def test_council_list_marks_own_councils(client, world, member):
    client.force_login(member)
    body = client.get(reverse("councils:list")).content.decode()
    assert body.count("Dit råd") == 1
    assert world["other_council"].name in body


@pytest.mark.parametrize("url_name", ["councils_council_changelist", "councils_meeting_changelist"])
def test_admin_pages_load(client, administrator, url_name):
    client.force_login(administrator)
    assert client.get(reverse(f"admin:{url_name}")).status_code == 200


def test_admin_change_page_for_a_council(client, administrator, world):
    client.force_login(administrator)
    url = reverse("admin:councils_council_change", args=[world["council"].pk])
    assert client.get(url).status_code == 200


def test_past_meetings_are_paged_by_50(client, world):
    from datetime import timedelta

    from django.utils import timezone

    from tests.councils.factories import MeetingFactory

    council = world["other_council"]
    start = timezone.now() - timedelta(days=1)
    for n in range(51):
        MeetingFactory(
            council=council, title=f"Gammelt møde {n:02d}", starts_at=start - timedelta(days=n)
        )
    url = reverse("councils:detail", args=[council.pk])
    first = client.get(url).content.decode()
    assert "Gammelt møde 00" in first and "Gammelt møde 50" not in first
    assert "Side 1 af 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Gammelt møde 50" in second
