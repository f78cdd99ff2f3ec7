from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from councils.demo import minimal_pdf
from councils.models import (
    AgendaItem,
    Attachment,
    CalendarToken,
    Comment,
    Council,
    CouncilKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Response,
    ResponseOutcome,
    SeatRule,
    SeatType,
    Statement,
)
from tests.accounts.factories import UserFactory
from tests.organisation.factories import UnitFactory


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Brugerråd {n}")
    kind = CouncilKind.USER_COUNCIL
    unit = factory.SubFactory(UnitFactory)
    summary = "Rådet giver råd til enheden."
    mandate = "Rådet skal høres om budgettet."
    meetings_public = False


class SeatRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatRule

    council = factory.SubFactory(CouncilFactory)
    seat_type = SeatType.USER
    required_count = 1


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    council = factory.SubFactory(CouncilFactory)
    user = factory.SubFactory(UserFactory)
    seat_type = SeatType.USER
    start = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=100))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(CouncilFactory)
    title = factory.Sequence(lambda n: f"Møde {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    location = "Rådhuset, mødelokale 1"
    status = MeetingStatus.PUBLISHED
    comment_deadline = factory.LazyAttribute(lambda o: o.starts_at - timedelta(days=2))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Punkt {n}")
    kind = ItemKind.DISCUSSION
    body = "Sagsfremstilling."


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    item = factory.SubFactory(AgendaItemFactory)
    title = "Bilag"
    filename = "bilag.pdf"
    file = factory.LazyFunction(lambda: ContentFile(minimal_pdf("Bilag"), name="bilag.pdf"))
    size = factory.LazyAttribute(lambda o: o.file.size)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    item = factory.SubFactory(AgendaItemFactory)
    author = factory.SubFactory(UserFactory)
    text = "En kommentar."


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    item = factory.SubFactory(AgendaItemFactory, kind=ItemKind.HEARING)
    text = "Rådet anbefaler forslaget."
    given_on = factory.LazyFunction(timezone.localdate)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    statement = factory.SubFactory(StatementFactory)
    outcome = ResponseOutcome.FOLLOWED
    reasons = "Forvaltningen følger rådet."
    answered_on = factory.LazyAttribute(lambda o: o.statement.given_on + timedelta(days=10))


class CalendarTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarToken

    user = factory.SubFactory(UserFactory)
