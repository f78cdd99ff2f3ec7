"""Acceptance 4: the demo plan is seed 003, and its sums are the seed's figures."""

import datetime
from decimal import Decimal

import pytest

from actionplans.economy import plan_economy
from actionplans.models import ActionPlan, Initiative
from core.demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan():
    load_demo()
    return ActionPlan.objects.get(case_number="2009-93482")


def test_demo_plan_is_seed_003(demo_plan):
    assert demo_plan.title == (
        "Handleplan for understøttelse af netværk samt samarbejde med civilsamfundet"
    )
    assert demo_plan.committee.name == "Socialudvalget"
    assert demo_plan.related_plan == "Handicapplanen"
    assert demo_plan.status == ActionPlan.Status.APPROVED
    assert demo_plan.decision_date == datetime.date(2010, 9, 8)
    assert demo_plan.decision_text == "Indstillingen blev godkendt"
    assert list(demo_plan.initiatives.values_list("letter", flat=True)) == list("ABCDEFGHIJ")


def test_demo_funding_is_as_the_seed_describes(demo_plan):
    funding = dict(demo_plan.initiatives.values_list("letter", "funding"))
    assert {letter for letter, f in funding.items() if f == "within_budget"} == set("ABCDE")
    assert funding["F"] == "external"
    assert demo_plan.initiatives.get(letter="F").fund_name == "ABT-fonden"
    assert {letter for letter, f in funding.items() if f == "appropriation"} == set("GHIJ")


def test_demo_costs_are_the_named_ones(demo_plan):
    costs = {i.letter: (i.cost, i.recurrence) for i in demo_plan.initiatives.exclude(cost=None)}
    assert costs == {
        "A": (Decimal("100000"), Initiative.Recurrence.YEARLY),
        "D": (Decimal("5000"), Initiative.Recurrence.ONE_OFF),
        "E": (Decimal("50000"), Initiative.Recurrence.YEARLY),
    }


def test_demo_sums_equal_the_seed(demo_plan, client):
    economy = plan_economy(demo_plan)
    within = economy.row(Initiative.Funding.WITHIN_BUDGET)
    # Seed 003, Økonomi: 100.000 kr. yearly + 50.000 kr. yearly, and a 5.000 kr. pamphlet.
    assert within.yearly == Decimal("150000")
    assert within.one_off == Decimal("5000")
    assert economy.total.yearly == Decimal("150000")
    assert economy.total.one_off == Decimal("5000")
    page = client.get(demo_plan.get_absolute_url()).content.decode()
    assert 'data-sum="yearly">150.000 kr.<' in page
    assert 'data-sum="one_off">5.000 kr.<' in page


def test_demo_is_idempotent(demo_plan):
    load_demo()
    assert ActionPlan.objects.filter(case_number="2009-93482").count() == 1
    assert demo_plan.initiatives.count() == 10
    assert demo_plan.status_changes.count() == 2
    demo_plan.refresh_from_db()
    assert demo_plan.last_letter_number == 10


def test_demo_initiatives_link_to_the_unit_goals_they_serve(demo_plan):
    linked = {
        i.letter: [goal.title for goal in i.unit_goals.all()]
        for i in demo_plan.initiatives.filter(unit_goals__isnull=False).distinct()
    }
    assert linked == {
        "E": ["Brugerråd med Udviklingshæmmedes Landsforening"],
        "G": ["Beboerne planlægger fritidstilbuddet"],
    }
    load_demo()
    assert demo_plan.initiatives.get(letter="E").unit_goals.count() == 1
