from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from core.rows import connection_for_read

CASEWORKER = Role("caseworker", _("Sagsbehandler"), 20, staff=True)


def staffed_unit_ids(user) -> frozenset[int]:
    """The ids of the units the user works in, read once per user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_staffed_unit_ids", None)
    if cached is None:
        from organisation.models import UnitStaff

        # Every logged-in page asks (the header shows the roles): one plain SELECT of
        # ``UnitStaff.objects.filter(user=user).values_list("unit_id")``, not a queryset
        # compiled per request, and without the default ordering's joins.
        connection = connection_for_read(UnitStaff)
        quote = connection.ops.quote_name
        meta = UnitStaff._meta
        with connection.cursor() as cursor:
            cursor.execute(
                # Names from the model, quoted; the value a parameter.
                f"SELECT {quote(meta.get_field('unit').column)} "  # noqa: S608
                f"FROM {quote(meta.db_table)} WHERE {quote(meta.get_field('user').column)} = %s",
                [user.pk],
            )
            cached = frozenset(unit_id for (unit_id,) in cursor.fetchall())
        user._staffed_unit_ids = cached
    return cached


def caseworker_role(user):
    return [CASEWORKER] if staffed_unit_ids(user) else []
