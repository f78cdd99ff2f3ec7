import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts.services import invite_user
from tests.accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_with_email_and_password(client):
    user = UserFactory()
    response = _login(client, user.email, TEST_PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == user


def test_login_is_case_insensitive_on_email(client):
    user = UserFactory(email="Anna.Hansen@Test.example")
    assert user.email == "anna.hansen@test.example"
    assert _login(client, "ANNA.HANSEN@test.example", TEST_PASSWORD).status_code == 302


def test_wrong_password_gives_a_danish_error(client):
    user = UserFactory()
    response = _login(client, user.email, "forkert")
    assert response.status_code == 200
    assert "ikke korrekt" in response.content.decode()


def test_repeated_failures_are_rate_limited_with_a_danish_message(client):
    user = UserFactory()
    for _ in range(5):
        _login(client, user.email, "forkert")
    response = _login(client, user.email, TEST_PASSWORD)
    html = response.content.decode()
    assert response.status_code == 200, "the correct password must not get through while limited"
    assert "For mange mislykkede loginforsøg. Vent 5 minutter" in html


def test_nobody_can_sign_up(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "ny@test.example",
            "password1": "Langt-nok-kodeord-1",
            "password2": "Langt-nok-kodeord-1",
        },
    )
    from accounts.models import User

    assert not User.objects.filter(email="ny@test.example").exists()
    assert response.status_code in (200, 403)


def test_invitation_lets_the_user_choose_a_password(client, django_capture_on_commit_callbacks):
    from accounts.models import User

    user = User.objects.create_user("inviteret@test.example", full_name="Ida Inviteret")
    assert not user.has_usable_password()
    with django_capture_on_commit_callbacks(execute=True):
        invite_user(user=user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["inviteret@test.example"]
    assert "inviteret" in message.subject
    link = next(line for line in message.body.splitlines() if line.startswith("http"))
    path = link.replace("http://testserver", "")
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url, {"password1": "Et-godt-nyt-kodeord-42", "password2": "Et-godt-nyt-kodeord-42"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Et-godt-nyt-kodeord-42")


def test_administrator_flag_gives_admin_site_access(client):
    from tests.accounts.factories import AdministratorFactory

    admin = AdministratorFactory()
    assert admin.is_staff
    client.force_login(admin)
    assert client.get(reverse("admin:organisation_unit_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


def test_ordinary_user_has_no_admin_access(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
