"""The meeting page's participation panel (participation/meeting_panel.html).

The councils template includes the panel; councils cannot import participation (it comes
later in PORTAL_APPS), so the panel reads its own context here, from ``request`` and
``meeting`` in the including template's context.
"""

from django import template

from participation.forms import AnswerForm
from participation.models import AttendanceAnswer, SupportRequest
from participation.selectors import answering_seat
from participation.services import answers_open

register = template.Library()


@register.simple_tag(takes_context=True)
def participation_panel(context):
    """The user's seat, answer and support request for ``meeting``; a fixed two queries for a
    member, none for everyone else."""
    request, meeting = context.get("request"), context.get("meeting")
    if request is None or meeting is None:
        return {}
    seat = answering_seat(request.user, meeting)
    if seat is None:
        return {}
    answer = AttendanceAnswer.objects.filter(meeting=meeting, membership=seat.membership).first()
    support = SupportRequest.objects.filter(meeting=meeting, membership=seat.membership).first()
    return {
        "seat": seat,
        "answer": answer,
        "support": support,
        "answers_open": answers_open(meeting),
        "form": AnswerForm(initial=AnswerForm.initial_for(answer, None), with_support=False),
    }
