import datetime

import factory
from django.core.files.base import ContentFile

from organisation.models import FocusArea
from policies.models import (
    GoalStatus,
    GoalUpdate,
    GoalUpdateAttachment,
    Policy,
    PolicyVersion,
    UnitGoal,
)
from tests.factories import BuilderFactory
from tests.organisation.factories import UnitFactory

# A minimal valid PDF: the upload rule decides the type from the content.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class PolicyFactory(BuilderFactory):
    class Meta:
        model = Policy


class PolicyVersionFactory(BuilderFactory):
    class Meta:
        model = PolicyVersion

    policy = factory.SubFactory(PolicyFactory)
    number = 1
    title = factory.Sequence(lambda n: f"Politik for brugerinddragelse {n}")
    why = "Brugere kan bidrage med erfaringer og viden."
    purpose = "At anvende brugernes oplevelser til at udvikle ydelserne."


class AdoptedPolicyVersionFactory(PolicyVersionFactory):
    status = PolicyVersion.Status.ADOPTED
    adopting_body = PolicyVersion.AdoptingBody.CITY_COUNCIL
    adopted_on = datetime.date(2012, 12, 17)


# The five areas of seed 000. A data migration creates them, but a transactional
# (browser) test flushes the tables afterwards, so they are put back when missing.
FOCUS_AREAS = [
    (1, "Voksne med særlige behov"),
    (2, "Børnefamilier med særlige behov"),
    (3, "Misbrugere og hjemløse"),
    (4, "Handicappede"),
    (5, "Tværgående tiltag"),
]


def ensure_focus_areas():
    for number, name in FOCUS_AREAS:
        FocusArea.objects.get_or_create(number=number, defaults={"name": name})


def focus_area(number=1):
    ensure_focus_areas()
    return FocusArea.objects.get(number=number)


class UnitGoalFactory(BuilderFactory):
    class Meta:
        model = UnitGoal

    unit = factory.SubFactory(UnitFactory)
    year = 2011
    policy = factory.SubFactory(AdoptedPolicyVersionFactory)
    focus_area = factory.LazyFunction(focus_area)
    title = factory.Sequence(lambda n: f"Brugerrådet er med i virksomhedsplanen {n}")
    secondary_users = "Pårørende."
    deadline = datetime.date(2011, 12, 31)
    status = GoalStatus.IN_PROGRESS


class GoalUpdateFactory(BuilderFactory):
    class Meta:
        model = GoalUpdate

    goal = factory.SubFactory(UnitGoalFactory)
    date = datetime.date(2011, 5, 3)
    participants = "Brugerrådet"
    what_changed = "Åbningstiden blev udvidet."


class GoalUpdateAttachmentFactory(BuilderFactory):
    class Meta:
        model = GoalUpdateAttachment

    update = factory.SubFactory(GoalUpdateFactory)
    original_name = "referat.pdf"
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="referat.pdf"))
