import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts.mfa import mark_strong_login
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.accounts.mfa_helpers import (
    add_totp,
    mfa_login,
    password_step,
    recovery_code,
    totp_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


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


@pytest.mark.parametrize("role", ["administrator", "caseworker"])
def test_having_an_authenticator_is_not_enough_this_session_must_use_it(
    client, world, role, mfa_required
):
    """A session that never passed the second factor (here: force_login, as a login that
    skipped it would) is sent to type the code before anything else."""
    user = world.users[role]
    secret = add_totp(user)
    client.force_login(user)
    url = reverse("councils:calendar")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    response = client.post(response["Location"], {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_staff_who_logged_in_with_totp_pass(client, administrator, mfa_required):
    secret = add_totp(administrator)
    mfa_login(client, administrator, secret)
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_strong_login_elsewhere_counts_as_the_second_factor(client, rf, administrator, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    add_totp(administrator)
    client.force_login(administrator)
    session = client.session
    request = rf.get("/")
    request.session = session
    mark_strong_login(request, administrator, source="oidc")
    session.save()
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_strong_login_flag_of_another_user_does_not_count(client, rf, world, mfa_required):
    administrator = world.users["administrator"]
    add_totp(administrator)
    client.force_login(administrator)
    session = client.session
    request = rf.get("/")
    request.session = session
    mark_strong_login(request, world.users["member"], source="oidc")
    session.save()
    assert client.get(reverse("admin:index")).status_code == 302


def test_activating_totp_counts_for_the_session(
    client, administrator, mfa_required, django_capture_on_commit_callbacks
):
    """An administrator made to set up the app can continue without logging in again."""
    client.force_login(administrator)
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("mfa_view_recovery_codes")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_requirement_off_lets_staff_through(client, administrator, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_mfa_pages_are_available_to_everyone(client, member):
    client.force_login(member)
    assert client.get(reverse("mfa_index")).status_code == 200


SECOND_FACTOR_PAGES = [
    ("get", "mfa_view_recovery_codes"),
    ("get", "mfa_download_recovery_codes"),
    ("get", "mfa_generate_recovery_codes"),
    ("post", "mfa_generate_recovery_codes"),
    ("get", "mfa_deactivate_totp"),
    ("post", "mfa_deactivate_totp"),
]


@pytest.mark.parametrize(("method", "name"), SECOND_FACTOR_PAGES)
def test_the_password_alone_does_not_unlock_codes_or_switching_mfa_off(client, method, name):
    user = UserFactory()
    secret = add_totp(user)
    mfa_login(client, user, secret)
    # The password re-authentication page is not offered to someone with a second factor ...
    response = client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    # ... and the page itself asks for the second factor.
    response = getattr(client, method)(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert user.authenticator_set.filter(type="totp").exists()


def test_a_recent_password_reauthentication_is_not_enough(client):
    """Even a password re-authentication recorded in the session does not show the codes."""
    from allauth.account.internal.flows.reauthentication import reauthenticate_by_password

    user = UserFactory()
    secret = add_totp(user)
    mfa_login(client, user, secret)
    session = client.session
    request = type("R", (), {"session": session, "user": user})()
    reauthenticate_by_password(request)
    session.save()
    response = client.get(reverse("mfa_view_recovery_codes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_the_second_factor_unlocks_the_recovery_codes(client):
    user = UserFactory()
    secret = add_totp(user)
    mfa_login(client, user, secret)
    url = reverse("mfa_view_recovery_codes")
    response = client.get(url)
    response = client.post(response["Location"], {"code": recovery_code(user, 0)})
    assert response["Location"] == url
    page = client.get(url)
    assert page.status_code == 200
    assert recovery_code(user, 1) in page.content.decode()


def test_the_second_factor_allows_switching_totp_off(client):
    user = UserFactory()
    secret = add_totp(user)
    mfa_login(client, user, secret)
    url = reverse("mfa_deactivate_totp")
    response = client.post(url)
    response = client.post(response["Location"], {"code": recovery_code(user, 0)})
    assert response.status_code == 302
    client.post(url)
    assert not user.authenticator_set.filter(type="totp").exists()


def test_login_needs_the_code_when_the_user_has_totp(client):
    user = UserFactory()
    add_totp(user)
    response = password_step(client, user)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
