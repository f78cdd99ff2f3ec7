import rules

from accounts.rules import is_administrator
from organisation.roles import staffed_unit_ids


@rules.predicate
def is_caseworker(user):
    return bool(staffed_unit_ids(user))


@rules.predicate
def is_caseworker_of(user, unit):
    if unit is None:
        return False
    unit_id = unit if isinstance(unit, int) else unit.pk
    return unit_id in staffed_unit_ids(user)


__all__ = ["is_administrator", "is_caseworker", "is_caseworker_of"]
