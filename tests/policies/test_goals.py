"""Creating, editing and deleting goals: who may, and what bad input does."""

import pytest
from django.urls import reverse

from policies.models import InvolvementLevel, UnitGoal
from tests.policies.helpers import goal_post_data

pytestmark = pytest.mark.django_db

CREATE = reverse("policies:goal_create")


def _new_goal_data(world, **overrides):
    data = goal_post_data(world["goal"], title="Et nyt mål", year=2012, deadline="2012-10-01")
    data.pop("version")
    data.update(overrides)
    return data


def _errors(response):
    return {
        name: [str(e) for e in errors] for name, errors in response.context["form"].errors.items()
    }


def test_caseworker_creates_a_goal_for_own_unit(client, world, caseworker):
    client.force_login(caseworker)
    response = client.post(CREATE, _new_goal_data(world))
    goal = UnitGoal.objects.get(title="Et nyt mål")
    assert response.status_code == 302
    assert response["Location"] == goal.get_absolute_url()
    assert goal.unit == world["unit"]
    assert goal.version == 1
    assert goal.history.get().history_user == caseworker


def test_create_form_offers_only_own_units(client, world, caseworker):
    client.force_login(caseworker)
    response = client.get(CREATE)
    units = list(response.context["form"].fields["unit"].queryset)
    assert units == [world["unit"]]


def test_crafted_create_for_another_unit_is_refused(client, world, caseworker):
    client.force_login(caseworker)
    before = UnitGoal.objects.count()
    response = client.post(CREATE, _new_goal_data(world, unit=world["other_unit"].pk))
    assert response.status_code == 200
    assert _errors(response)["unit"] == ["Du kan kun sætte mål for de enheder, du arbejder i."]
    assert UnitGoal.objects.count() == before


def test_caseworker_cannot_edit_or_delete_another_units_goal(client, world, caseworker):
    other = world["other_goal"]
    client.force_login(caseworker)
    edit = reverse("policies:goal_edit", args=[other.pk])
    assert client.get(edit).status_code == 403
    response = client.post(edit, goal_post_data(other, title="Kapret", unit=world["unit"].pk))
    assert response.status_code == 403
    delete = reverse("policies:goal_delete", args=[other.pk])
    assert client.post(delete).status_code == 403
    other.refresh_from_db()
    assert other.title == "Beboermøder hver måned"
    assert other.unit == world["other_unit"]


def test_caseworker_cannot_move_own_goal_to_another_unit(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    response = client.post(
        reverse("policies:goal_edit", args=[goal.pk]),
        goal_post_data(goal, unit=world["other_unit"].pk),
    )
    assert response.status_code == 200
    assert "unit" in _errors(response)
    goal.refresh_from_db()
    assert goal.unit == world["unit"]


def test_goal_page_shows_edit_controls_only_to_those_who_may_edit(
    client, world, caseworker, other_caseworker
):
    goal = world["goal"]
    edit_url = reverse("policies:goal_edit", args=[goal.pk])
    client.force_login(caseworker)
    assert edit_url in client.get(goal.get_absolute_url()).content.decode()
    client.force_login(other_caseworker)
    page = client.get(goal.get_absolute_url()).content.decode()
    assert edit_url not in page
    assert reverse("policies:update_create", args=[goal.pk]) not in page


def test_administrator_edits_any_goal(client, world, administrator):
    other = world["other_goal"]
    client.force_login(administrator)
    response = client.post(
        reverse("policies:goal_edit", args=[other.pk]), goal_post_data(other, status="met")
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == "met"
    assert other.version == 2


def test_delete_goal_after_confirmation(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    url = reverse("policies:goal_delete", args=[goal.pk])
    confirm = client.get(url)
    assert "Ja, slet målet" in confirm.content.decode()
    assert UnitGoal.objects.filter(pk=goal.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not UnitGoal.objects.filter(pk=goal.pk).exists()
    assert UnitGoal.history.filter(id=goal.pk, history_type="-").get().history_user == caseworker


# Acceptance 4: bad input gives clear Danish messages and stores nothing.


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"year": 2012, "deadline": "2011-12-31"},
            "deadline",
            "Fristen (31.12.2011) ligger før målets år 2012. Vælg en dato i 2012 eller senere.",
        ),
        (
            {"level": "brugerbestemmelse"},
            "level",
            "»brugerbestemmelse« er ikke et trin på inddragelsestrappen. Vælg brugerstyring, "
            "brugerindflydelse, brugerinddragelse eller brugerdeltagelse.",
        ),
        ({"year": 1999, "deadline": "2000-01-01"}, "year", "Året skal ligge mellem 2000 og 2100."),
        ({"year": 2101}, "year", "Året skal ligge mellem 2000 og 2100."),
        ({"year": "tyve"}, "year", "Skriv året med fire cifre, fx 2011."),
        ({"title": ""}, "title", "Udfyld feltet »Mål«."),
        ({"involved_in": "  "}, "involved_in", "Udfyld feltet »Hvad inddrages brugerne i?«."),
        ({"level": ""}, "level", "Udfyld feltet »Trin på inddragelsestrappen«."),
        ({"deadline": ""}, "deadline", "Udfyld feltet »Frist for resultatkravet«."),
        ({"indicator": ""}, "indicator", "Udfyld feltet »Indikator«."),
    ],
)
def test_bad_input_on_create_is_refused_in_danish(
    client, world, caseworker, overrides, field, message
):
    client.force_login(caseworker)
    before = UnitGoal.objects.count()
    response = client.post(CREATE, _new_goal_data(world, **overrides))
    assert response.status_code == 200
    assert _errors(response)[field] == [message]
    assert UnitGoal.objects.count() == before
    page = response.content.decode()
    assert "Der er fejl i formularen" in page
    # What the user typed is kept in the form.
    assert "Et nyt mål" in page or field == "title"


def test_bad_input_on_edit_changes_nothing(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    response = client.post(
        reverse("policies:goal_edit", args=[goal.pk]),
        goal_post_data(goal, title="Nyt navn", year=2012, deadline="2011-06-30"),
    )
    assert response.status_code == 200
    assert "deadline" in _errors(response)
    goal.refresh_from_db()
    assert goal.title == "Brugerrådet er med"
    assert goal.version == 1
    assert goal.history.count() == 1


def test_database_refuses_unknown_level_and_year_out_of_range(world):
    from django.db import IntegrityError, transaction

    goal = world["goal"]
    for field, value in (("level", "unknown"), ("year", 1999), ("status", "done")):
        with pytest.raises(IntegrityError), transaction.atomic():
            UnitGoal.objects.filter(pk=goal.pk).update(**{field: value})


def test_deadline_in_the_goals_year_is_accepted(client, world, caseworker):
    client.force_login(caseworker)
    response = client.post(CREATE, _new_goal_data(world, year=2012, deadline="2012-01-01"))
    assert response.status_code == 302


def test_level_is_shown_with_its_definition(client, world):
    goal = world["goal"]
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Brugerinddragelse" in page
    assert "Brugerne er involveret i andet og mere end blot at give oplysninger" in page
    assert goal.level == InvolvementLevel.INVOLVEMENT


def test_goal_form_shows_every_level_with_its_definition(client, world, caseworker):
    client.force_login(caseworker)
    page = client.get(CREATE).content.decode()
    for level in InvolvementLevel:
        assert f'value="{level.value}"' in page
        assert str(level.definition) in page
    assert 'aria-describedby="id_level_0_definition"' in page
