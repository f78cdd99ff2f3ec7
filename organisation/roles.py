from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from core.rows import rows

CASEWORKER = Role("caseworker", _("Sagsbehandler"), 20, staff=True)


def staffed_unit_ids(user) -> frozenset[int]:
    """The ids of the units the user works in, read once per user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_staffed_unit_ids", None)
    if cached is None:
        from organisation.models import UnitStaff

        # Every logged-in page asks (the header shows the roles): one plain SELECT
        # (core.rows), not a queryset compiled per request, and without the default
        # ordering's joins to unit and user.
        cached = frozenset(staff.unit_id for staff in rows(UnitStaff, ("user", "=", user.pk)))
        user._staffed_unit_ids = cached
    return cached


def caseworker_role(user):
    return [CASEWORKER] if staffed_unit_ids(user) else []
