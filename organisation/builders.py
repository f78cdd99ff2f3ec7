"""Builders for organisation (see core/builders.py)."""

from core.builders import build, builds
from organisation.models import (
    Administration,
    Committee,
    FocusArea,
    RepresentedOrganisation,
    Unit,
    UnitStaff,
)


@builds(Administration)
def administration(**fields) -> Administration:
    return build(Administration, fields)


@builds(Committee)
def committee(**fields) -> Committee:
    """Needs ``administration``."""
    return build(Committee, fields)


@builds(FocusArea)
def focus_area(**fields) -> FocusArea:
    return build(FocusArea, fields)


@builds(Unit)
def unit(**fields) -> Unit:
    """Needs ``administration``; focus areas are added after saving."""
    return build(Unit, fields)


@builds(RepresentedOrganisation)
def represented_organisation(**fields) -> RepresentedOrganisation:
    return build(RepresentedOrganisation, fields, kind=RepresentedOrganisation.Kind.USERS)


@builds(UnitStaff)
def unit_staff(**fields) -> UnitStaff:
    """Needs ``user`` and ``unit``."""
    return build(UnitStaff, fields, title="Sagsbehandler")
