"""Who sits in which council, read once per user object.

Every request asks (the header shows the roles; visibility and permissions
depend on the seats), so the seats are read with one query and kept on the
user object, like ``organisation.roles.staffed_unit_ids``.
"""

from django.utils.translation import gettext_lazy as _

from accounts.roles import Role

# Other apps recognise council members by these codes: keep them stable.
MEMBER = Role("member", _("Rådsmedlem"), 30)
SECRETARY = Role("secretary", _("Sekretær"), 25)


def council_seats(user) -> dict[int, frozenset[str]]:
    """council id → the seat types the user holds there today."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {}
    cached = getattr(user, "_council_seats", None)
    if cached is None:
        from councils.models import Membership

        found: dict[int, set[str]] = {}
        rows = Membership.objects.active().filter(user=user).values_list("council_id", "seat_type")
        for council_id, seat_type in rows:
            found.setdefault(council_id, set()).add(seat_type)
        cached = {council_id: frozenset(types) for council_id, types in found.items()}
        user._council_seats = cached
    return cached


def forget_council_seats(user) -> None:
    """Drops the cached seats (after a membership of this user object changed)."""
    for attr in ("_council_seats", "_portal_roles"):
        if hasattr(user, attr):
            delattr(user, attr)


def member_council_ids(user) -> frozenset[int]:
    return frozenset(council_seats(user))


def secretary_council_ids(user) -> frozenset[int]:
    from councils.models import SeatType

    return frozenset(
        cid for cid, types in council_seats(user).items() if SeatType.SECRETARY in types
    )


def council_roles(user) -> list[Role]:
    from councils.models import SeatType

    seats = council_seats(user)
    roles = []
    if any(types - {SeatType.SECRETARY} for types in seats.values()):
        roles.append(MEMBER)
    if any(SeatType.SECRETARY in types for types in seats.values()):
        roles.append(SECRETARY)
    return roles
