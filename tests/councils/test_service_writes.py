"""Every multi-row write of the councils app is one transaction: a statement that fails
half-way (a lock timeout, a dropped connection) leaves nothing half-written.

The faults are injected at the database, as in tests/portal/test_files_rows.py: the
n-th UPDATE (or INSERT) statement fails after the earlier ones have run.
"""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.models.sql.compiler import SQLInsertCompiler, SQLUpdateCompiler
from django.urls import reverse

from councils import services
from councils.models import AgendaItem, CalendarToken, Membership, SeatType, Statement
from tests.councils.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _fail_on(compiler, nth=1):
    """The ``nth`` statement of this kind fails; the ones before it run as usual."""
    original = compiler.execute_sql
    calls = []

    def execute_sql(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == nth:
            raise OperationalError("canceling statement: lock timeout")
        return original(self, *args, **kwargs)

    return mock.patch.object(compiler, "execute_sql", execute_sql)


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


def _statement_post():
    return {"text": "Rådet anbefaler aftenåbning.", "given_on": "2026-03-02"}


def test_a_statement_whose_item_update_fails_is_not_stored(failing_client, secretary, world):
    item = world["item"]
    failing_client.force_login(secretary)
    with _fail_on(SQLUpdateCompiler):
        response = failing_client.post(
            reverse("councils:statement", args=[item.pk]),
            {**_statement_post(), "first_put_on": "2026-02-20"},
        )
    assert response.status_code == 500
    assert not Statement.objects.filter(item=item).exists(), "no statement without its date"
    assert AgendaItem.objects.get(pk=item.pk).first_put_on == item.first_put_on


def test_a_statement_and_its_date_are_stored_together(client, secretary, world):
    item = world["item"]
    client.force_login(secretary)
    response = client.post(
        reverse("councils:statement", args=[item.pk]),
        {**_statement_post(), "first_put_on": "2026-02-20"},
    )
    assert response.status_code == 302
    statement = Statement.objects.get(item=item)
    assert statement.recorded_by == secretary
    assert str(statement.item.first_put_on) == "2026-02-20"


def test_a_statement_rechecks_the_agenda_lock_under_the_row_lock(world, secretary):
    item = world["item"]
    # Minutes approved between the form's check and the write.
    type(item.meeting).objects.filter(pk=item.meeting_id).update(status="minutes_approved")
    with pytest.raises(services.AgendaLocked):
        services.record_statement(
            statement=Statement(item=item, text="For sent"), first_put_on=None, user=secretary
        )
    assert not Statement.objects.filter(item=item).exists()


def test_an_item_edit_rechecks_the_agenda_lock_under_the_row_lock(world):
    item = world["item"]
    type(item.meeting).objects.filter(pk=item.meeting_id).update(status="minutes_approved")
    item.title = "Ændret efter godkendelsen"
    with pytest.raises(services.AgendaLocked):
        services.update_item(item=item)
    assert AgendaItem.objects.get(pk=item.pk).title != "Ændret efter godkendelsen"


def test_an_item_edit_on_a_locked_agenda_explains_the_lock(client, secretary, world):
    item = world["item"]
    client.force_login(secretary)
    url = reverse("councils:item_edit", args=[item.pk])
    form = client.get(url).context["form"]
    type(item.meeting).objects.filter(pk=item.meeting_id).update(status="minutes_approved")
    data = {name: value for name, value in form.initial.items() if value is not None}
    response = client.post(url, {**data, "title": "Ændret"})
    assert response.status_code == 403
    assert "dagsordenen er låst" in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).title == item.title


@pytest.fixture
def two_seats(world, member):
    """The member also stands in as a substitute: two active seats in one council."""
    MembershipFactory(
        council=world["council"],
        user=member,
        seat_type=SeatType.USER,
        substitute_for=Membership.objects.get(user=world["colleague"]),
    )
    seats = Membership.objects.filter(council=world["council"], user=member)
    assert seats.count() == 2 and not seats.filter(listed_publicly=True).exists()
    return seats


def test_a_consent_that_fails_on_the_second_seat_changes_no_seat(
    failing_client, member, world, two_seats
):
    history = Membership.history.count()
    failing_client.force_login(member)
    with _fail_on(SQLUpdateCompiler, nth=2):
        response = failing_client.post(
            reverse("councils:listing_consent", args=[world["council"].pk]),
            {"listed_publicly": "on"},
        )
    assert response.status_code == 500
    assert not two_seats.filter(listed_publicly=True).exists(), "never one seat listed only"
    assert Membership.history.count() == history


def test_a_consent_is_given_for_every_seat_with_its_history(client, member, world, two_seats):
    history = Membership.history.count()
    client.force_login(member)
    response = client.post(
        reverse("councils:listing_consent", args=[world["council"].pk]),
        {"listed_publicly": "on"},
    )
    assert response.status_code == 302
    assert two_seats.filter(listed_publicly=True).count() == 2
    assert Membership.history.count() == history + 2


def _settings_post(client, action):
    return client.post(reverse("councils:calendar"), {"action": action, "confirmed": "1"})


def test_calendar_token_create_rotate_revoke(client, outsider):
    client.force_login(outsider)
    assert _settings_post(client, "create").status_code == 302
    first = CalendarToken.objects.get(user=outsider).token
    assert _settings_post(client, "create").status_code == 302
    rotated = CalendarToken.objects.get(user=outsider)
    assert rotated.token != first, "the old address stops working"
    assert client.get(reverse("councils:member_feed", args=[first])).status_code == 404
    assert client.get(reverse("councils:member_feed", args=[rotated.token])).status_code == 200
    assert _settings_post(client, "revoke").status_code == 302
    assert not CalendarToken.objects.filter(user=outsider).exists()
    assert client.get(reverse("councils:member_feed", args=[rotated.token])).status_code == 404


def test_a_failed_rotation_keeps_the_old_address(failing_client, member, world):
    old = world["calendar_token"].token
    failing_client.force_login(member)
    with _fail_on(SQLUpdateCompiler):
        response = _settings_post(failing_client, "create")
    assert response.status_code == 500
    assert CalendarToken.objects.get(user=member).token == old
    assert failing_client.get(reverse("councils:member_feed", args=[old])).status_code == 200


def test_a_failed_first_token_leaves_no_row(failing_client, outsider):
    failing_client.force_login(outsider)
    with _fail_on(SQLInsertCompiler):
        response = _settings_post(failing_client, "create")
    assert response.status_code == 500
    assert not CalendarToken.objects.filter(user=outsider).exists()


def test_renewing_twice_keeps_one_token_per_user(outsider):
    token, created = services.renew_calendar_token(user=outsider)
    again, created_again = services.renew_calendar_token(user=outsider)
    assert (created, created_again) == (True, False)
    assert again.pk == token.pk and again.token != token.token
    assert CalendarToken.objects.filter(user=outsider).count() == 1
    assert services.revoke_calendar_token(user=outsider)
    assert not services.revoke_calendar_token(user=outsider)
