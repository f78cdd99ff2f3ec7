import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = True


def test_administrator_without_mfa_is_sent_to_set_it_up(client, administrator, mfa_required):
    client.force_login(administrator)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before activating (a recent login is required).
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200


def test_caseworker_without_mfa_is_sent_to_set_it_up(client, caseworker, mfa_required):
    client.force_login(caseworker)
    response = client.get(reverse("admin:index"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_member_is_not_forced(client, member, mfa_required):
    client.force_login(member)
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    response = client.get(reverse("admin:index"))
    assert response["Location"] != reverse("mfa_activate_totp")


def test_staff_with_totp_passes(client, administrator, mfa_required):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=administrator, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_requirement_off_lets_staff_through(client, administrator, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_mfa_pages_are_available_to_everyone(client, member):
    client.force_login(member)
    assert client.get(reverse("mfa_index")).status_code == 200
