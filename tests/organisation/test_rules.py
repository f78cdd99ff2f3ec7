import pytest

from organisation.models import FocusArea
from organisation.rules import is_administrator, is_caseworker, is_caseworker_of

pytestmark = pytest.mark.django_db


def test_five_focus_areas_from_the_data_migration():
    assert list(FocusArea.objects.values_list("number", "name")) == [
        (1, "Voksne med særlige behov"),
        (2, "Børnefamilier med særlige behov"),
        (3, "Misbrugere og hjemløse"),
        (4, "Handicappede"),
        (5, "Tværgående tiltag"),
    ]


def test_caseworker_of_own_unit_only(world):
    caseworker, unit, other = world.users["caseworker"], world["unit"], world["other_unit"]
    assert is_caseworker_of(caseworker, unit)
    assert not is_caseworker_of(caseworker, other)
    assert is_caseworker_of(world.users["other_caseworker"], other)
    assert is_caseworker(caseworker)
    assert not is_caseworker(world.users["member"])


def test_administrator_predicate(world):
    from django.contrib.auth.models import AnonymousUser

    assert is_administrator(world.users["administrator"])
    assert not is_administrator(world.users["caseworker"])
    assert not is_administrator(AnonymousUser())


def test_unit_tree_ancestors(world):
    from tests.organisation.factories import UnitFactory

    child = UnitFactory(parent=world["unit"], administration=world["administration"])
    grandchild = UnitFactory(parent=child, administration=world["administration"])
    assert grandchild.ancestors() == [world["unit"], child]


def test_staffed_by(world):
    from organisation.models import Unit

    assert list(Unit.objects.staffed_by(world.users["caseworker"])) == [world["unit"]]
