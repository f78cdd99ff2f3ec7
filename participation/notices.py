"""The e-mails of participation, through the outbox (see ``outbox.registry``).

Payloads hold ids only; each builder reads the current state when the e-mail is sent and
sends nothing when the news is stale (the invitation changed again, the request was handled,
the meeting was cancelled or the member said no meanwhile). Support requests are personal:
the secretary's e-mail says that one arrived and links to the list, never what it says.
"""

from django.utils import timezone

from core.email import absolute_url, build_templated_mail
from councils.ics import build_calendar
from outbox.services import enqueue

SUBSTITUTE = "participation.substitute"
SUPPORT = "participation.support_requested"
REMINDER = "participation.reminder"


def tell_substitute(invitation) -> None:
    enqueue(
        kind=SUBSTITUTE,
        recipient=invitation.substitute.user.email,
        payload={"invitation": invitation.pk, "state": invitation.state},
    )


def tell_secretary(request, secretary) -> None:
    enqueue(
        kind=SUPPORT,
        recipient=secretary.email,
        payload={"request": request.pk, "user": secretary.pk},
    )


def remind(meeting, user) -> None:
    enqueue(kind=REMINDER, recipient=user.email, payload={"meeting": meeting.pk, "user": user.pk})


def build_substitute_notice(message):
    from participation.models import InvitationState, SubstituteInvitation
    from participation.services import answers_open

    invitation = (
        SubstituteInvitation.objects.select_related(
            "meeting__council", "substitute__user", "seat__user"
        )
        .filter(pk=message.payload["invitation"])
        .first()
    )
    state = message.payload["state"]
    if invitation is None or invitation.state != state or not answers_open(invitation.meeting):
        return None
    if state == InvitationState.OPEN:
        invitation.notified_at = timezone.now()
        invitation.save(update_fields=["notified_at"])
    elif invitation.notified_at is None:
        return None  # never told of the invitation: nothing to take back
    meeting = invitation.meeting
    return build_templated_mail(
        "participation/email/substitute",
        {
            "invitation": invitation,
            "state": state,
            "states": InvitationState,
            "meeting": meeting,
            "council": meeting.council,
            "seat_holder": invitation.seat.user,
            "recipient": invitation.substitute.user,
            "link": absolute_url(meeting.get_absolute_url()),
        },
        [invitation.substitute.user.email],
    )


def build_support_notice(message):
    from django.urls import reverse

    from participation.models import SupportRequest
    from participation.selectors import council_secretaries

    request = (
        SupportRequest.objects.select_related("meeting__council")
        .filter(pk=message.payload["request"], handled_at__isnull=True)
        .first()
    )
    if request is None:
        return None
    secretary = (
        council_secretaries(request.meeting.council_id).filter(pk=message.payload["user"]).first()
    )
    if secretary is None:
        return None
    meeting = request.meeting
    return build_templated_mail(
        "participation/email/support_requested",
        {
            "meeting": meeting,
            "council": meeting.council,
            "recipient": secretary,
            "link": absolute_url(reverse("participation:support_list", args=[meeting.pk])),
        },
        [secretary.email],
    )


def build_reminder(message):
    from councils.models import Meeting
    from participation.selectors import expected_members
    from participation.services import answers_open

    meeting = (
        Meeting.objects.select_related("council").filter(pk=message.payload["meeting"]).first()
    )
    if meeting is None or not answers_open(meeting):
        return None
    user = expected_members(meeting).filter(pk=message.payload["user"]).first()
    if user is None:
        return None  # said no meanwhile, or no longer a member
    email = build_templated_mail(
        "participation/email/reminder",
        {
            "meeting": meeting,
            "council": meeting.council,
            "recipient": user,
            "link": absolute_url(meeting.get_absolute_url()),
        },
        [user.email],
    )
    email.attach(
        "moede.ics", build_calendar(str(meeting.display_title), [meeting]), "text/calendar"
    )
    return email


BUILDERS = {
    SUBSTITUTE: build_substitute_notice,
    SUPPORT: build_support_notice,
    REMINDER: build_reminder,
}
