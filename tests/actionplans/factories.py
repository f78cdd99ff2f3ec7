import datetime
from decimal import Decimal

import factory

from actionplans import services
from actionplans.models import ActionPlan, Initiative, InitiativeUpdate, Recommender
from tests.factories import BuilderFactory
from tests.organisation.factories import AdministrationFactory, CommitteeFactory


class RecommenderFactory(BuilderFactory):
    class Meta:
        model = Recommender
        django_get_or_create = ["title"]

    title = factory.Sequence(lambda n: f"Direktør {n}")


class ActionPlanFactory(BuilderFactory):
    class Meta:
        model = ActionPlan

    title = factory.Sequence(lambda n: f"Handleplan {n}")
    case_number = factory.Sequence(lambda n: f"2010-{1000 + n}")
    administration = factory.SubFactory(AdministrationFactory)
    committee = factory.SubFactory(
        CommitteeFactory, administration=factory.SelfAttribute("..administration")
    )
    related_plan = "Handicapplanen"
    problem = "Brugerne mangler **netværk**."
    solution = "- Netværksmøder\n- Temamøder"
    status = ActionPlan.Status.DRAFT


class ApprovedActionPlanFactory(ActionPlanFactory):
    status = ActionPlan.Status.APPROVED
    decision_date = datetime.date(2010, 9, 8)
    decision_text = "Indstillingen blev godkendt"


class InitiativeFactory(BuilderFactory):
    """Letters come from the plan, as in the app (services.add_initiative)."""

    class Meta:
        model = Initiative

    plan = factory.SubFactory(ActionPlanFactory)
    title = factory.Sequence(lambda n: f"Initiativ {n}")
    description = "Et initiativ."
    cost = Decimal("1000")

    @classmethod
    def _create(cls, model_class, *args, plan, letter="", **kwargs):
        initiative = cls._build(model_class, **kwargs)
        return services.add_initiative(plan=plan, initiative=initiative, letter=letter)


class InitiativeUpdateFactory(BuilderFactory):
    class Meta:
        model = InitiativeUpdate

    initiative = factory.SubFactory(InitiativeFactory)
    date = datetime.date(2011, 3, 1)
    text = "Netværksmøde afholdt."
