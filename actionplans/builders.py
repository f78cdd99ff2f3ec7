"""Builders for actionplans (see core/builders.py)."""

from actionplans.letters import letter_to_number
from actionplans.models import ActionPlan, Initiative, InitiativeUpdate, Recommender, StatusChange
from core.builders import build, builds


@builds(Recommender)
def recommender(**fields) -> Recommender:
    """Needs ``title``."""
    return build(Recommender, fields)


@builds(ActionPlan)
def action_plan(**fields) -> ActionPlan:
    """Needs ``title``, ``case_number``, ``committee`` and ``administration``; a draft."""
    return build(ActionPlan, fields)


@builds(StatusChange)
def status_change(**fields) -> StatusChange:
    """Needs ``plan``, ``from_status`` and ``to_status``."""
    return build(StatusChange, fields)


@builds(Initiative)
def initiative(**fields) -> Initiative:
    """Needs ``plan`` and ``title``. With a ``letter`` the number is set from it (as save()
    does; bulk inserts skip save()); a saved initiative gets its letter from
    ``actionplans.services.add_initiative``."""
    built = build(Initiative, fields)
    if built.letter and "number" not in fields:
        built.number = letter_to_number(built.letter)
    return built


@builds(InitiativeUpdate)
def initiative_update(**fields) -> InitiativeUpdate:
    """Needs ``initiative`` and ``text``; dated today."""
    return build(InitiativeUpdate, fields)
