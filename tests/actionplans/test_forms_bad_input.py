"""Acceptance 3: bad input gets a clear Danish message, and nothing is stored."""

from decimal import Decimal

import pytest
from django.urls import reverse

from actionplans.models import ActionPlan, Initiative

pytestmark = pytest.mark.django_db

VALID_INITIATIVE = {
    "title": "Temamøder for pårørende",
    "description": "Temamøder om skolestart.",
    "funding": "within_budget",
    "fund_name": "",
    "cost": "50.000",
    "recurrence": "yearly",
    "budget_year": "",
    "status": "planned",
}


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def add_initiative(client, plan, **changes):
    url = reverse("actionplans:initiative_create", kwargs={"pk": plan.pk})
    return client.post(url, {**VALID_INITIATIVE, **changes})


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        ("-100", "Beløbet kan ikke være negativt."),
        ("-100.000,50", "Beløbet kan ikke være negativt."),
        ("hundrede kroner", "Skriv beløbet som et tal i kroner"),
        ("100.5", "Skriv beløbet som et tal i kroner"),
        ("12abc", "Skriv beløbet som et tal i kroner"),
        ("100,555", "højst have to decimaler"),
        ("100.000,001", "højst have to decimaler"),
    ],
)
def test_bad_cost_is_refused_with_danish_message(admin_client, world, cost, message):
    plan = world["draft_plan"]
    before = Initiative.objects.count()
    response = add_initiative(admin_client, plan, cost=cost)
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response, "cost"))
    assert message in response.content.decode()
    assert Initiative.objects.count() == before
    # What the administrator typed is kept in the form.
    assert response.context["form"]["title"].value() == VALID_INITIATIVE["title"]


@pytest.mark.parametrize(
    ("cost", "stored"),
    [
        ("100.000", Decimal("100000")),
        ("100.000,50", Decimal("100000.50")),
        ("5000", Decimal("5000")),
        ("", None),
    ],
)
def test_danish_amounts_are_stored_exactly(admin_client, world, cost, stored):
    plan = world["draft_plan"]
    response = add_initiative(admin_client, plan, cost=cost)
    assert response.status_code == 302
    assert plan.initiatives.latest("pk").cost == stored


def test_duplicate_letter_is_refused(admin_client, world):
    plan = world["plan"]
    taken = world["initiative"].letter
    before = plan.initiatives.count()
    response = add_initiative(admin_client, plan, letter=taken.lower())
    assert field_errors(response, "letter") == [
        f"Bogstavet {taken} er allerede brugt i denne handleplan."
    ]
    assert plan.initiatives.count() == before


def test_invalid_letter_is_refused(admin_client, world):
    response = add_initiative(admin_client, world["plan"], letter="Æ1")
    assert "store bogstaver fra A til Z" in field_errors(response, "letter")[0]


def test_chosen_letter_is_used(admin_client, world):
    plan = world["plan"]
    add_initiative(admin_client, plan, letter="f")
    assert plan.initiatives.filter(letter="F", title=VALID_INITIATIVE["title"]).exists()


def test_letter_cannot_be_changed_when_editing(admin_client, world):
    initiative = world["initiative"]
    url = reverse(
        "actionplans:initiative_update",
        kwargs={"pk": initiative.plan_id, "letter": initiative.letter},
    )
    response = admin_client.post(url, {**VALID_INITIATIVE, "letter": "Q", "title": "Nyt navn"})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.letter, initiative.title) == ("A", "Nyt navn")


def test_external_funding_without_fund_is_refused(admin_client, world):
    plan = world["draft_plan"]
    before = plan.initiatives.count()
    response = add_initiative(admin_client, plan, funding="external", fund_name="")
    assert "Angiv fonden" in field_errors(response, "fund_name")[0]
    assert plan.initiatives.count() == before
    add_initiative(admin_client, plan, funding="external", fund_name="ABT-fonden")
    assert plan.initiatives.filter(fund_name="ABT-fonden").exists()


def test_plan_form_has_no_decision_fields():
    from actionplans.forms import ActionPlanForm

    assert not {"status", "decision_date", "decision_text"} & set(ActionPlanForm.base_fields)


def test_new_plan_ignores_posted_decision_fields(admin_client, world):
    response = admin_client.post(
        reverse("actionplans:plan_create"),
        {
            "title": "Handleplan for frivillighed",
            "case_number": "2011-12345",
            "committee": world["committee"].pk,
            "administration": world["administration"].pk,
            "status": "approved",
            "decision_date": "2010-09-08",
            "decision_text": "Godkendt",
        },
    )
    assert response.status_code == 302
    plan = ActionPlan.objects.get(case_number="2011-12345")
    assert (plan.status, plan.decision_date, plan.decision_text) == ("draft", None, "")
    assert not plan.status_changes.exists()


@pytest.mark.parametrize("name", ["draft_plan", "submitted_plan", "plan"])
def test_decision_fields_posted_through_the_plan_form_change_nothing(admin_client, world, name):
    plan = world[name]
    before = (plan.status, plan.decision_date, plan.decision_text)
    response = admin_client.post(
        reverse("actionplans:plan_update", kwargs={"pk": plan.pk}),
        {
            "title": plan.title,
            "case_number": plan.case_number,
            "committee": plan.committee_id,
            "administration": plan.administration_id,
            "status": "rejected",
            "decision_date": "2009-01-02",
            "decision_text": "Forkastet",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.decision_date, plan.decision_text) == before
    assert not plan.status_changes.filter(to_status="rejected").exists()


@pytest.mark.parametrize("case_number", ["93482", "09-93482", "2009/93482", "2009-", "abcd-1234"])
def test_case_number_format(admin_client, world, case_number):
    response = admin_client.post(
        reverse("actionplans:plan_create"),
        {
            "title": "Handleplan",
            "case_number": case_number,
            "committee": world["committee"].pk,
            "administration": world["administration"].pk,
        },
    )
    assert "fx 2009-93482" in field_errors(response, "case_number")[0]
    assert not ActionPlan.objects.filter(title="Handleplan").exists()


def test_decision_on_a_draft_is_refused(admin_client, world):
    plan = world["draft_plan"]
    response = admin_client.post(
        reverse("actionplans:plan_decision", kwargs={"pk": plan.pk}),
        {"outcome": "approved", "decision_date": "2010-09-08", "decision_text": "Godkendt"},
    )
    assert response.status_code == 200
    assert "kun registreres for en plan, der er indstillet" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.status, plan.decision_date) == ("draft", None)


def test_decision_in_the_future_is_refused(admin_client, world):
    plan = world["submitted_plan"]
    response = admin_client.post(
        reverse("actionplans:plan_decision", kwargs={"pk": plan.pk}),
        {"outcome": "approved", "decision_date": "2999-01-01", "decision_text": "Godkendt"},
    )
    assert "fremtiden" in response.context["form"].errors["decision_date"][0]
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_decision_is_recorded(admin_client, world):
    plan = world["submitted_plan"]
    response = admin_client.post(
        reverse("actionplans:plan_decision", kwargs={"pk": plan.pk}),
        {
            "outcome": "approved",
            "decision_date": "2010-09-08",
            "decision_text": "Indstillingen blev godkendt",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.decision_text) == ("approved", "Indstillingen blev godkendt")


def test_empty_progress_update_is_refused(admin_client, world):
    initiative = world["initiative"]
    url = reverse(
        "actionplans:initiative_progress",
        kwargs={"pk": initiative.plan_id, "letter": initiative.letter},
    )
    before = initiative.updates.count()
    response = admin_client.post(url, {"date": "2011-05-01", "text": ""})
    assert response.status_code == 200
    assert "Dette felt er påkrævet." in response.content.decode()
    assert initiative.updates.count() == before


def test_progress_update_in_the_future_is_refused(admin_client, world):
    initiative = world["initiative"]
    url = reverse(
        "actionplans:initiative_progress",
        kwargs={"pk": initiative.plan_id, "letter": initiative.letter},
    )
    before = initiative.updates.count()
    response = admin_client.post(url, {"date": "2999-05-01", "text": "Senere"})
    assert "fremtiden" in response.context["update_form"].errors["date"][0]
    assert initiative.updates.count() == before
