import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actionplans import services
from actionplans.models import ActionPlan, Initiative, StatusChange
from tests.actionplans.factories import ActionPlanFactory, InitiativeFactory

pytestmark = pytest.mark.django_db
Status = ActionPlan.Status
DECIDED_ON = datetime.date(2010, 9, 8)


def test_plan_goes_from_draft_through_the_committee_to_approved(administrator):
    plan = ActionPlanFactory()
    services.submit_plan(plan=plan, by=administrator)
    assert plan.status == Status.SUBMITTED
    services.record_decision(
        plan=plan,
        outcome=Status.APPROVED,
        decision_date=DECIDED_ON,
        decision_text="Indstillingen blev godkendt",
        by=administrator,
    )
    plan.refresh_from_db()
    assert (plan.status, plan.decision_date) == (Status.APPROVED, DECIDED_ON)
    steps = list(plan.status_changes.values_list("from_status", "to_status", "changed_by"))
    assert steps == [
        ("draft", "submitted", administrator.pk),
        ("submitted", "approved", administrator.pk),
    ]


@pytest.mark.parametrize("outcome", [Status.APPROVED, Status.REJECTED, Status.RETURNED])
def test_a_draft_cannot_be_decided(outcome):
    plan = ActionPlanFactory()
    with pytest.raises(ValidationError, match="ikke indstillet til udvalget"):
        services.record_decision(
            plan=plan, outcome=outcome, decision_date=DECIDED_ON, decision_text="Godkendt"
        )
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT
    assert plan.decision_date is None
    assert not StatusChange.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("final", [Status.APPROVED, Status.REJECTED])
@pytest.mark.parametrize("to", list(Status))
def test_approved_and_rejected_are_final(final, to):
    plan = ActionPlanFactory(status=final, decision_date=DECIDED_ON)
    with pytest.raises(ValidationError):
        services.change_status(plan=plan, to_status=to, decision_date=DECIDED_ON)


def test_a_decision_needs_its_date():
    plan = ActionPlanFactory(status=Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.record_decision(
            plan=plan, outcome=Status.APPROVED, decision_date=None, decision_text="Godkendt"
        )
    assert "decision_date" in error.value.message_dict
    plan.refresh_from_db()
    assert plan.status == Status.SUBMITTED


def test_submitting_refuses_a_decision_date():
    plan = ActionPlanFactory()
    with pytest.raises(ValidationError):
        services.change_status(plan=plan, to_status=Status.SUBMITTED, decision_date=DECIDED_ON)
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT


def test_returned_plan_is_resubmitted_and_keeps_the_return_in_its_history():
    plan = ActionPlanFactory(status=Status.SUBMITTED)
    services.record_decision(
        plan=plan,
        outcome=Status.RETURNED,
        decision_date=DECIDED_ON,
        decision_text="Sendt tilbage med ønske om flere initiativer",
    )
    services.submit_plan(plan=plan)
    assert (plan.status, plan.decision_date, plan.decision_text) == (Status.SUBMITTED, None, "")
    returned = plan.status_changes.get(to_status=Status.RETURNED)
    assert returned.decision_text == "Sendt tilbage med ønske om flere initiativer"


def test_model_refuses_a_decision_date_on_a_draft():
    plan = ActionPlanFactory.build(decision_date=DECIDED_ON)
    with pytest.raises(ValidationError) as error:
        plan.full_clean(exclude=["committee", "administration"])
    assert "kan ikke have en beslutningsdato" in error.value.message_dict["decision_date"][0]


def test_database_refuses_a_decision_date_on_a_draft():
    plan = ActionPlanFactory()
    plan.decision_date = DECIDED_ON
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()


class TestLetters:
    def test_assigned_in_order(self):
        plan = ActionPlanFactory()
        letters = [InitiativeFactory(plan=plan).letter for _ in range(3)]
        assert letters == ["A", "B", "C"]

    def test_removed_letters_are_not_reused_and_others_keep_theirs(self):
        plan = ActionPlanFactory()
        a, b, c = (InitiativeFactory(plan=plan) for _ in range(3))
        b.delete()
        c.delete()
        d = InitiativeFactory(plan=plan)
        assert d.letter == "D"
        a.refresh_from_db()
        assert a.letter == "A"
        assert list(plan.initiatives.values_list("letter", flat=True)) == ["A", "D"]

    def test_after_z_comes_aa_and_aa_sorts_after_z(self):
        plan = ActionPlanFactory()
        for _ in range(28):
            InitiativeFactory(plan=plan)
        letters = list(plan.initiatives.values_list("letter", flat=True))
        assert letters[24:] == ["Y", "Z", "AA", "AB"]

    def test_a_chosen_letter_moves_the_next_free_letter_past_it(self):
        plan = ActionPlanFactory()
        InitiativeFactory(plan=plan)
        InitiativeFactory(plan=plan, letter="F")
        assert InitiativeFactory(plan=plan).letter == "G"
        # A gap below the highest letter may still be filled by hand.
        assert InitiativeFactory(plan=plan, letter="C").letter == "C"
        assert InitiativeFactory(plan=plan).letter == "H"

    def test_duplicate_letter_is_refused_and_nothing_stored(self):
        plan = ActionPlanFactory()
        InitiativeFactory(plan=plan)
        with pytest.raises(ValidationError, match="Bogstavet A er allerede brugt"):
            InitiativeFactory(plan=plan, letter="A")
        assert plan.initiatives.count() == 1

    def test_database_refuses_duplicate_letters(self):
        first = InitiativeFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Initiative.objects.create(plan=first.plan, letter="A", title="Dublet")

    def test_letters_are_per_plan(self):
        assert InitiativeFactory().letter == InitiativeFactory().letter == "A"


def test_external_funding_needs_the_fund():
    initiative = InitiativeFactory.build(funding=Initiative.Funding.EXTERNAL, fund_name="")
    with pytest.raises(ValidationError) as error:
        initiative.clean()
    assert "fund_name" in error.value.message_dict
