"""Participation in the shared world: support requests on ``meeting`` (members-only council).

- ``support_request``: ``member``'s request (transport);
- ``colleague_support``: the colleague's request, with a marker no other member may ever see.
"""

from councils.models import Membership
from participation.models import SupportRequest

# In the colleague's support request: no page for the member, outsider or public may show it.
SUPPORT_MARKER = "STOETTEMARKOER4b1c"


def extend(world):
    meeting = world["meeting"]
    world.objects["support_request"] = SupportRequest.objects.create(
        meeting=meeting, membership=world["membership"], transport=True, details="Hentes hjemme."
    )
    colleague_seat = Membership.objects.get(council=world["council"], user=world["colleague"])
    world.objects["colleague_seat"] = colleague_seat
    world.objects["colleague_support"] = SupportRequest.objects.create(
        meeting=meeting,
        membership=colleague_seat,
        interpreter=True,
        details=f"Tegnsprogstolk {SUPPORT_MARKER}.",
    )
