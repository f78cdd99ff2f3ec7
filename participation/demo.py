"""The demo's answers for the user council's next meeting: the member comes and has asked for
transport (not handled yet), the second member does not know yet. Written directly, so
loading the demo sends no e-mail; idempotent."""

from councils.models import Meeting, MeetingStatus, Membership
from participation.models import Answer, AttendanceAnswer, SupportRequest


def load(ctx):
    council = ctx.objects.get("user_council")
    if council is None:
        return
    meeting = (
        Meeting.objects.filter(council=council, status=MeetingStatus.PUBLISHED)
        .order_by("starts_at")
        .last()
    )
    if meeting is None:
        return
    seats = {m.user_id: m for m in Membership.objects.active().regular().filter(council=council)}
    for role, answer in (("member", Answer.YES), ("member2", Answer.UNSURE)):
        user = ctx.users.get(role)
        seat = seats.get(user.pk) if user else None
        if seat is None:
            continue
        AttendanceAnswer.objects.get_or_create(
            meeting=meeting, membership=seat, defaults={"answer": answer, "answered_by": user}
        )
        if role == "member":
            SupportRequest.objects.get_or_create(
                meeting=meeting,
                membership=seat,
                defaults={
                    "transport": True,
                    "details": "Jeg bruger kørestol og skal hentes hjemme kl. 13.15.",
                },
            )
