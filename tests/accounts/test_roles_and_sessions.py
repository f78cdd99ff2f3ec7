"""Admin-site access follows the administrator role; role, password and activity changes end
the user's other sessions; admin changes to users are recorded."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import TEST_PASSWORD, AdministratorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _logged_in(user) -> Client:
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    return client


def _is_logged_in(client) -> bool:
    return client.get(reverse("home")).context["user"].is_authenticated


def _admin_change(admin_client, user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "is_administrator": "on" if user.is_administrator else "",
        "is_active": "on" if user.is_active else "",
        **changes,
    }
    data = {key: value for key, value in data.items() if value != ""}
    response = admin_client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()


@pytest.fixture
def admin_client():
    return _logged_in(AdministratorFactory())


def test_removing_the_role_in_the_admin_removes_admin_site_access(admin_client):
    other = AdministratorFactory()
    assert other.is_staff
    _admin_change(admin_client, other, is_administrator="")
    assert not other.is_staff
    client = Client()
    client.force_login(other)
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("update_fields", [None, ["is_administrator"]])
def test_is_staff_follows_the_role_on_every_save(update_fields):
    user = AdministratorFactory()
    user.is_administrator = False
    user.save(update_fields=update_fields)
    user.refresh_from_db()
    assert user.is_staff is False
    user.is_administrator = True
    user.save(update_fields=update_fields)
    user.refresh_from_db()
    assert user.is_staff is True


def test_is_staff_cannot_be_set_without_the_role():
    user = UserFactory(is_staff=True)
    user.refresh_from_db()
    assert user.is_staff is False


def test_removing_the_role_ends_the_users_sessions(admin_client):
    other = AdministratorFactory()
    their_client = _logged_in(other)
    assert their_client.get(reverse("admin:index")).status_code == 200
    _admin_change(admin_client, other, is_administrator="")
    assert not _is_logged_in(their_client)


def test_removing_ones_own_role_keeps_this_session_but_ends_the_others():
    me = AdministratorFactory()
    this_client = _logged_in(me)
    other_client = _logged_in(me)
    _admin_change(this_client, me, is_administrator="")
    assert _is_logged_in(this_client)
    assert not _is_logged_in(other_client)


def test_deactivating_ends_the_users_sessions(admin_client):
    member = UserFactory()
    their_client = _logged_in(member)
    _admin_change(admin_client, member, is_active="")
    assert not _is_logged_in(their_client)
    # Switching the account on again does not bring the old session back.
    member.is_active = True
    member.save()
    assert not _is_logged_in(their_client)


def test_changing_the_password_ends_the_other_sessions_but_not_this_one():
    member = UserFactory()
    this_client = _logged_in(member)
    other_client = _logged_in(member)
    response = this_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": TEST_PASSWORD,
            "password1": "Et-helt-nyt-kodeord-77",
            "password2": "Et-helt-nyt-kodeord-77",
        },
    )
    assert response.status_code == 302
    assert _is_logged_in(this_client)
    assert not _is_logged_in(other_client)


def test_admin_changes_to_a_user_are_recorded_without_the_password(admin_client):
    member = UserFactory(full_name="Før Navn")
    _admin_change(admin_client, member, full_name="Efter Navn")
    records = member.history.all()
    assert records.first().full_name == "Efter Navn"
    assert records.first().history_user.is_administrator
    historical_fields = {field.name for field in User.history.model._meta.fields}
    assert "password" not in historical_fields
    assert "last_login" not in historical_fields
    page = admin_client.get(reverse("admin:accounts_user_history", args=[member.pk]))
    assert page.status_code == 200
    assert "Efter Navn" in page.content.decode()
    assert "md5$" not in page.content.decode()
    version = records.first().history_id
    url = reverse("admin:accounts_user_simple_history", args=[member.pk, version])
    assert admin_client.get(url).status_code == 200
    # History is read-only: no revert that would bypass the e-mail and session rules.
    assert admin_client.post(url, {"email": "x@evil.example", "full_name": "X"}).status_code == 403
    member.refresh_from_db()
    assert member.email != "x@evil.example"


def test_demo_users_get_admin_access_by_role_only():
    from types import SimpleNamespace

    from accounts import demo

    ctx = SimpleNamespace(password=TEST_PASSWORD, users={})
    demo.load(ctx)
    for user in ctx.users.values():
        assert user.is_staff == user.is_administrator
