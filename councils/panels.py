from django.utils import timezone

from councils.models import Meeting
from councils.roles import member_council_ids


def upcoming_meetings_panel(request):
    """The start page shows a member the next meetings of their own councils."""
    council_ids = member_council_ids(request.user)
    if not council_ids:
        return None
    meetings = list(
        Meeting.objects.visible_to(request.user)
        .filter(council_id__in=council_ids, starts_at__gte=timezone.now())
        .select_related("council")
        .order_by("starts_at")[:5]
    )
    return {"meetings": meetings}
