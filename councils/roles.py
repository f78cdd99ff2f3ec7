"""The council roles shown in the header and used for the MFA requirement.

Which seats a user holds is read in ``councils.models`` (``council_seats`` and the
id sets built on it), which the querysets there need too; this module depends on
the models only, never the other way round.
"""

from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from councils.models import (
    SeatType,
    council_seats,
    forget_council_seats,
    member_council_ids,
    secretary_council_ids,
)

__all__ = [
    "MEMBER",
    "SECRETARY",
    "council_roles",
    "council_seats",
    "forget_council_seats",
    "member_council_ids",
    "secretary_council_ids",
]

# Other apps recognise council members by these codes: keep them stable.
MEMBER = Role("member", _("Rådsmedlem"), 30)
SECRETARY = Role("secretary", _("Sekretær"), 25)


def council_roles(user) -> list[Role]:
    seats = council_seats(user)
    roles = []
    if any(types - {SeatType.SECRETARY} for types in seats.values()):
        roles.append(MEMBER)
    if any(SeatType.SECRETARY in types for types in seats.values()):
        roles.append(SECRETARY)
    return roles
