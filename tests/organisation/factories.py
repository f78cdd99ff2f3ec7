import factory

from organisation.models import (
    Administration,
    Committee,
    FocusArea,
    RepresentedOrganisation,
    Unit,
    UnitStaff,
)
from tests.accounts.factories import UserFactory
from tests.factories import BuilderFactory


class AdministrationFactory(BuilderFactory):
    class Meta:
        model = Administration
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Forvaltning {n}")


class CommitteeFactory(BuilderFactory):
    class Meta:
        model = Committee

    name = factory.Sequence(lambda n: f"Udvalg {n}")
    administration = factory.SubFactory(AdministrationFactory)


class FocusAreaFactory(BuilderFactory):
    class Meta:
        model = FocusArea

    # The five real areas come from a data migration and take numbers 1–5.
    number = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Fokusområde {n}")


class UnitFactory(BuilderFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Enhed {n}")
    administration = factory.SubFactory(AdministrationFactory)


class RepresentedOrganisationFactory(BuilderFactory):
    class Meta:
        model = RepresentedOrganisation

    name = factory.Sequence(lambda n: f"Brugerorganisation {n}")
    abbreviation = factory.Sequence(lambda n: f"BO{n}")


class UnitStaffFactory(BuilderFactory):
    class Meta:
        model = UnitStaff

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
