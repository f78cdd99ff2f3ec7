"""No door around the portal's rules: no superuser flag, no second factor switched off in the
admin without a fresh second factor, no deletion that erases who changed a record."""

from importlib import import_module

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps as django_apps
from django.db.models import ProtectedError
from django.urls import reverse

from accounts.models import User
from councils.models import Comment, Meeting
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.accounts.mfa_helpers import add_totp, mfa_login
from tests.adminform import change_url, delete_url, form_data

pytestmark = pytest.mark.django_db


def _superuser():
    return User.objects.create_superuser(
        email="driftschef@test.example", password=TEST_PASSWORD, full_name="Drift Chef"
    )


def test_create_superuser_makes_an_administrator_without_the_superuser_flag():
    user = _superuser()
    user.refresh_from_db()
    assert (user.is_administrator, user.is_staff, user.is_superuser) == (True, True, False)


def test_no_save_path_keeps_the_superuser_flag():
    user = UserFactory()
    user.is_superuser = True
    user.save()
    user.refresh_from_db()
    assert user.is_superuser is False


def test_the_migration_clears_superusers_and_keeps_them_administrators():
    user = UserFactory(is_administrator=False)
    User.objects.filter(pk=user.pk).update(is_superuser=True)
    migration = import_module("accounts.migrations.0004_no_superusers")
    migration.clear_superusers(django_apps, None)
    user.refresh_from_db()
    assert (user.is_superuser, user.is_administrator, user.is_staff) == (False, True, True)


def test_the_first_administrator_cannot_rewrite_approved_minutes_in_the_admin(client, world):
    client.force_login(_superuser())
    meeting = world["approved_meeting"]
    before = Meeting.objects.filter(pk=meeting.pk).values().get()
    data = form_data(client, change_url(meeting), minutes="OMSKREVET")
    assert client.post(change_url(meeting), data).status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).values().get() == before


def test_a_former_administrator_reads_no_hidden_comment(client, world):
    user = _superuser()
    user.is_administrator = False
    user.save()
    client.force_login(user)
    hidden = world["hidden_comment"]
    url = reverse("councils:comment_hidden_text", args=[hidden.pk])
    assert client.get(url).status_code in (403, 404)
    assert client.get(reverse("admin:index")).status_code == 302  # to the login


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = True


def test_the_admins_second_factor_pages_are_not_open_without_the_second_factor(
    client, administrator, mfa_required
):
    add_totp(administrator)
    client.force_login(administrator)  # a session that never passed the second factor
    for name in ["admin:mfa_authenticator_changelist", "admin:index"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_reauthenticate")), name


def test_deleting_ones_own_totp_in_the_admin_needs_a_fresh_second_factor(
    client, administrator, mfa_required
):
    secret = add_totp(administrator)
    mfa_login(client, administrator, secret)
    totp = Authenticator.objects.get(user=administrator, type=Authenticator.Type.TOTP)
    url = delete_url(totp)
    for response in [client.get(url), client.post(url, {"post": "yes"})]:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert Authenticator.objects.filter(pk=totp.pk).exists()
    changelist = client.get(reverse("admin:mfa_authenticator_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist


def test_a_user_in_the_change_history_cannot_be_deleted(client, administrator, world):
    approver = UserFactory()
    world["approved_meeting"].history.update(history_user=approver)
    client.force_login(administrator)
    page = client.post(reverse("admin:accounts_user_delete", args=[approver.pk]), {"post": "yes"})
    assert page.status_code == 200  # Django's "cannot delete" page
    assert "ændringshistorikken" in page.content.decode()
    assert User.objects.filter(pk=approver.pk).exists()
    assert world["approved_meeting"].history.filter(history_user=approver).exists()
    with pytest.raises(ProtectedError):
        approver.delete()


def test_a_user_in_no_history_can_still_be_deleted(client, administrator):
    user = UserFactory()
    client.force_login(administrator)
    client.post(reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"})
    assert not User.objects.filter(pk=user.pk).exists()


def test_comments_are_never_deleted_in_the_admin(client, administrator, world):
    comment = world["hidden_comment"]
    client.force_login(administrator)
    assert client.post(delete_url(comment), {"post": "yes"}).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()
