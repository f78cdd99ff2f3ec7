"""The plain reads every logged-in request makes give what the ORM gives.

portal.sessions reads the session row, core.rows.first whole rows, organisation.roles the
units a user staffs, each as one parameterised SELECT instead of a compiled queryset. These
tests compare them with the ORM's answer on the backend the suite runs on (SQLite returns
datetimes as text: the conversion must be the ORM's).
"""

import datetime
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.rows import first
from organisation.models import UnitStaff
from organisation.roles import staffed_unit_ids
from portal.sessions import SessionStore
from tests.accounts.factories import UserFactory
from tests.organisation.factories import UnitStaffFactory

pytestmark = pytest.mark.django_db


def test_the_portal_reads_sessions_with_its_own_store():
    assert settings.SESSION_ENGINE == "portal.sessions"


def test_a_saved_session_loads_in_one_query_with_its_data():
    store = SessionStore()
    store["answer"] = {"value": 42, "text": "Æble"}
    store.save()
    loaded = SessionStore(store.session_key)
    with CaptureQueriesContext(connection) as queries:
        assert loaded["answer"] == {"value": 42, "text": "Æble"}
    assert len(queries) == 1
    assert loaded.session_key == store.session_key


def test_an_expired_session_is_empty_and_loses_its_key():
    store = SessionStore()
    store["answer"] = 1
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    loaded = SessionStore(store.session_key)
    assert loaded.load() == {}
    assert loaded.session_key is None


@pytest.mark.parametrize("key", ["ingen-saadan-session-findes", None, "kort"])
def test_an_unknown_or_invalid_key_is_an_empty_session(key):
    loaded = SessionStore(key)
    assert loaded.load() == {}
    assert loaded.session_key is None


def test_a_logged_in_member_stays_logged_in_and_logging_out_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    key = client.session.session_key
    assert client.get(reverse("notifications:settings")).status_code == 200
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    response = client.get(reverse("notifications:settings"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_first_gives_the_orm_row_with_its_values_converted():
    user = UserFactory(full_name="Åse Ærø")
    with CaptureQueriesContext(connection) as queries:
        found = first(User, ("id", "=", str(user.pk)))
    assert len(queries) == 1
    stored = User.objects.get(pk=user.pk)
    for field in User._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(stored, field.attname), field.name
    assert isinstance(found.date_joined, datetime.datetime) and timezone.is_aware(found.date_joined)
    assert found._state.adding is False and found._state.db == "default"
    assert first(User, ("id", "=", user.pk + 1000)) is None


def test_first_compares_datetimes_as_the_orm_does():
    store = SessionStore()
    store.save()
    row = Session.objects.get(session_key=store.session_key)
    before, after = row.expire_date - timedelta(seconds=1), row.expire_date
    assert first(Session, ("session_key", "=", row.session_key), ("expire_date", ">", before))
    assert (
        first(Session, ("session_key", "=", row.session_key), ("expire_date", ">", after)) is None
    )


def test_first_refuses_an_operator_it_does_not_know():
    with pytest.raises(ValueError):
        first(User, ("id", "<", 1))


def test_staffed_units_are_the_orm_rows_and_read_once_per_user_object():
    staff = UnitStaffFactory()
    UnitStaffFactory(user=staff.user)
    UnitStaffFactory()  # somebody else's unit
    user = User.objects.get(pk=staff.user.pk)
    with CaptureQueriesContext(connection) as queries:
        assert staffed_unit_ids(user) == frozenset(
            UnitStaff.objects.filter(user=user).values_list("unit_id", flat=True)
        )
        staffed_unit_ids(user)
    assert len(queries) == 2  # the read, then the ORM comparison; the second ask is cached
    assert staffed_unit_ids(UserFactory()) == frozenset()
