import datetime

import factory
from django.core.files.base import ContentFile

from organisation.models import FocusArea
from policies.models import (
    GoalStatus,
    GoalUpdate,
    GoalUpdateAttachment,
    InvolvementLevel,
    Policy,
    PolicyVersion,
    UnitGoal,
)
from tests.organisation.factories import UnitFactory

# A minimal valid PDF: the upload rule decides the type from the content.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy


class PolicyVersionFactory(factory.django.DjangoModelFactory):
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


class UnitGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitGoal

    unit = factory.SubFactory(UnitFactory)
    year = 2011
    policy = factory.SubFactory(AdoptedPolicyVersionFactory)
    focus_area = factory.LazyFunction(focus_area)
    title = factory.Sequence(lambda n: f"Brugerrådet er med i virksomhedsplanen {n}")
    involved_in = "Prioritering af temaer i virksomhedsplanen."
    organisation = "To møder om året i brugerrådet."
    level = InvolvementLevel.INVOLVEMENT
    primary_users = "Brugerne af tilbuddet."
    secondary_users = "Pårørende."
    indicator = "Antal møder med brugerrådet."
    target = "Mindst to møder."
    deadline = datetime.date(2011, 12, 31)
    status = GoalStatus.IN_PROGRESS


class GoalUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalUpdate

    goal = factory.SubFactory(UnitGoalFactory)
    date = datetime.date(2011, 5, 3)
    channel = GoalUpdate.Channel.USER_COUNCIL
    participants = "Brugerrådet"
    what_was_done = "Brugerrådet drøftede virksomhedsplanen."
    what_changed = "Åbningstiden blev udvidet."


class GoalUpdateAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalUpdateAttachment

    update = factory.SubFactory(GoalUpdateFactory)
    original_name = "referat.pdf"
    size = len(PDF_BYTES)
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="referat.pdf"))
