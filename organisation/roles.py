from django.utils.translation import gettext_lazy as _

from accounts.roles import Role

CASEWORKER = Role("caseworker", _("Sagsbehandler"), 20, staff=True)


def staffed_unit_ids(user) -> frozenset[int]:
    """The ids of the units the user works in, read once per user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_staffed_unit_ids", None)
    if cached is None:
        from organisation.models import UnitStaff

        # order_by(): UnitStaff's default ordering joins unit and user, which a set of
        # ids does not need.
        cached = frozenset(
            UnitStaff.objects.filter(user=user).order_by().values_list("unit_id", flat=True)
        )
        user._staffed_unit_ids = cached
    return cached


def caseworker_role(user):
    return [CASEWORKER] if staffed_unit_ids(user) else []
