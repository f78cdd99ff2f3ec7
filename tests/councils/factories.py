from datetime import timedelta

import factory
from django.core.files.base import ContentFile

from councils.demo import minimal_pdf
from councils.models import (
    AgendaItem,
    Attachment,
    CalendarToken,
    Comment,
    Council,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Response,
    SeatRule,
    Statement,
)
from tests.accounts.factories import UserFactory
from tests.factories import BuilderFactory
from tests.organisation.factories import UnitFactory


class CouncilFactory(BuilderFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Brugerråd {n}")
    unit = factory.SubFactory(UnitFactory)
    mandate = "Rådet skal høres om budgettet."


class SeatRuleFactory(BuilderFactory):
    class Meta:
        model = SeatRule

    council = factory.SubFactory(CouncilFactory)


class MembershipFactory(BuilderFactory):
    class Meta:
        model = Membership

    council = factory.SubFactory(CouncilFactory)
    user = factory.SubFactory(UserFactory)


class MeetingFactory(BuilderFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(CouncilFactory)
    title = factory.Sequence(lambda n: f"Møde {n}")
    location = "Rådhuset, mødelokale 1"
    status = MeetingStatus.PUBLISHED


class AgendaItemFactory(BuilderFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Punkt {n}")
    body = "Sagsfremstilling."


class AttachmentFactory(BuilderFactory):
    class Meta:
        model = Attachment

    item = factory.SubFactory(AgendaItemFactory)
    title = "Bilag"
    filename = "bilag.pdf"
    file = factory.LazyFunction(lambda: ContentFile(minimal_pdf("Bilag"), name="bilag.pdf"))


class CommentFactory(BuilderFactory):
    class Meta:
        model = Comment

    item = factory.SubFactory(AgendaItemFactory)
    author = factory.SubFactory(UserFactory)
    text = "En kommentar."


class StatementFactory(BuilderFactory):
    class Meta:
        model = Statement

    item = factory.SubFactory(AgendaItemFactory, kind=ItemKind.HEARING)
    text = "Rådet anbefaler forslaget."


class ResponseFactory(BuilderFactory):
    class Meta:
        model = Response

    statement = factory.SubFactory(StatementFactory)
    reasons = "Forvaltningen følger rådet."
    answered_on = factory.LazyAttribute(lambda o: o.statement.given_on + timedelta(days=10))


class CalendarTokenFactory(BuilderFactory):
    class Meta:
        model = CalendarToken

    user = factory.SubFactory(UserFactory)
