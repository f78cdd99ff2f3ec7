"""The login e-mail is changed by an administrator only; account e-mails never trust Host."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.accounts.factories import TEST_PASSWORD, AdministratorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


EMAIL_ACTIONS = [
    {"action_add": "", "email": "another@evil.example"},
    {"action_primary": "", "email": "attacker@evil.example"},
    {"action_remove": "", "email": "attacker@evil.example"},
    {"action_send": "", "email": "attacker@evil.example"},
]


def _addresses(user):
    return set(EmailAddress.objects.filter(user=user).values_list("email", "primary"))


def test_the_email_page_sends_users_away_with_a_danish_message(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("account_email"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_change_password")
    assert "kan kun ændres af en administrator" in response.content.decode()


@pytest.mark.parametrize("data", EMAIL_ACTIONS, ids=lambda d: next(iter(d)))
def test_users_cannot_add_switch_remove_or_verify_addresses(client, data):
    user = UserFactory(email="medlem@test.example")
    client.force_login(user)
    # Even an address that got attached somehow cannot be made the login or be touched.
    EmailAddress.objects.create(user=user, email="attacker@evil.example", verified=False)
    before = _addresses(user)
    response = client.post(reverse("account_email"), data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "medlem@test.example"
    assert _addresses(user) == before
    assert not mail.outbox


def test_allauth_itself_allows_only_one_address():
    from allauth.account.forms import AddEmailForm

    user = UserFactory()
    form = AddEmailForm(user=user, data={"email": "second@test.example"})
    assert not form.is_valid()


def test_an_administrator_changes_the_login_email_and_both_addresses_are_told(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(AdministratorFactory())
    user = UserFactory(email="gammel@test.example", full_name="Gitte Gammel")
    assert EmailAddress.objects.get(user=user).email == "gammel@test.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_change", args=[user.pk]),
            {"email": "Ny@Test.example", "full_name": user.full_name, "is_active": "on"},
        )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "ny@test.example"
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.primary, address.verified) == ("ny@test.example", True, True)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["gammel@test.example", "ny@test.example"]
    for message in mail.outbox:
        assert "gammel@test.example" in message.body
        assert "ny@test.example" in message.body
        assert "Kære Gitte Gammel" in message.body
    # The new address logs in; the old one does not.
    client.logout()
    assert (
        client.post(
            reverse("account_login"), {"login": "gammel@test.example", "password": TEST_PASSWORD}
        ).status_code
        == 200
    )
    assert (
        client.post(
            reverse("account_login"), {"login": "ny@test.example", "password": TEST_PASSWORD}
        ).status_code
        == 302
    )


def test_saving_a_user_without_changing_the_email_sends_nothing(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(AdministratorFactory())
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:accounts_user_change", args=[user.pk]),
            {"email": user.email, "full_name": "Nyt Navn", "is_active": "on"},
        )
    assert not mail.outbox


def test_password_reset_link_uses_the_portal_address_not_the_host_header(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    settings.PORTAL_BASE_URL = "https://brugerraad.kommune.example"
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_reset_password"), {"email": user.email}, HTTP_HOST="evil.example"
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "evil.example" not in message.body
    assert "evil.example" not in message.subject
    link = next(line for line in message.body.splitlines() if "/konto/password/reset/key/" in line)
    assert link.strip().startswith("https://brugerraad.kommune.example/konto/password/reset/key/")
    for _content, _type in getattr(message, "alternatives", []):
        assert "evil.example" not in _content


def test_reset_for_an_unknown_address_sends_nothing(client):
    client.post(reverse("account_reset_password"), {"email": "ukendt@test.example"})
    assert not mail.outbox
