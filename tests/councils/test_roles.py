from datetime import timedelta

import pytest
import rules
from django.utils import timezone

from accounts.models import User
from accounts.roles import roles_for
from councils.roles import council_seats

pytestmark = pytest.mark.django_db


def _codes(user):
    return {role.code for role in roles_for(User.objects.get(pk=user.pk))}


def test_role_codes_other_apps_rely_on(world):
    assert _codes(world.users["member"]) == {"member"}
    assert _codes(world.users["secretary"]) == {"secretary"}
    assert _codes(world.users["outsider"]) == {"member"}
    assert "member" not in _codes(world.users["caseworker"])
    assert _codes(world.users["administrator"]) == {"administrator"}


def test_roles_are_not_staff_roles(world):
    user = User.objects.get(pk=world.users["member"].pk)
    assert all(not role.staff for role in roles_for(user))


def test_seats_are_read_once_per_user_object(world, django_assert_num_queries):
    user = User.objects.get(pk=world.users["member"].pk)
    with django_assert_num_queries(1):
        council_seats(user)
        council_seats(user)
        rules.has_perm("councils.view_comments", user, world["meeting"])


def test_ended_membership_gives_no_role(world):
    membership = world["membership"]
    membership.end = timezone.localdate() - timedelta(days=1)
    membership.save()
    assert _codes(world.users["member"]) == set()


def test_header_names_the_role(client, world):
    client.force_login(world.users["member"])
    assert "Rådsmedlem" in client.get("/").content.decode()


def test_every_councils_permission_answers_without_an_object(world):
    """The Django admin asks model-level questions: no predicate may fail on obj=None."""
    from rules.permissions import permissions

    names = [name for name in permissions if name.startswith("councils.")]
    assert len(names) > 10
    for user in world.users.values():
        for name in names:
            answer = permissions.test_rule(name, user, None)
            assert answer is False or user.is_administrator, name
