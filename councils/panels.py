from django.db.models import Count, F, Q
from django.utils import timezone

from councils.models import Meeting, last_opened_subquery
from councils.roles import member_council_ids


def upcoming_meetings_panel(request):
    """The start page answers a member's "what do I need to do?": the next meetings of their
    own councils, with the comment deadline and what is new since they last looked ("Nyt
    siden sidst"): other members' comments and the agenda items changed since then."""
    council_ids = member_council_ids(request.user)
    if not council_ids:
        return None
    user = request.user
    # One query: each meeting with the user's last opening and the count of other members'
    # shown comments written after it (all of them, if the user never opened the meeting).
    new_comment = (
        Q(items__comments__hidden_at__isnull=True)
        & ~Q(items__comments__author=user)
        & (Q(last_opened__isnull=True) | Q(items__comments__created_at__gt=F("last_opened")))
    )
    # Items changed since that opening, as the meeting page marks them (never on a first visit).
    changed_item = Q(last_opened__isnull=False) & Q(items__updated_at__gt=F("last_opened"))
    meetings = list(
        Meeting.objects.visible_to(user)
        .filter(council_id__in=council_ids, starts_at__gte=timezone.now())
        .select_related("council")
        .annotate(last_opened=last_opened_subquery(user))
        .annotate(new_comments=Count("items__comments", filter=new_comment, distinct=True))
        .annotate(changed_items=Count("items", filter=changed_item, distinct=True))
        .order_by("starts_at")[:5]
    )
    return {"meetings": meetings}
