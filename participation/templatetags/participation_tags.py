"""The meeting page's participation panel (participation/meeting_panel.html).

The councils template includes the panel; councils cannot import participation (it comes
later in PORTAL_APPS), so the panel reads its own context here, from ``request`` and
``meeting`` in the including template's context.
"""

from django import template

from participation.forms import AnswerForm
from participation.selectors import answer_and_support, answering_seat
from participation.services import answers_open

register = template.Library()


@register.simple_tag(takes_context=True)
def participation_panel(context):
    """The user's seat, answer and support request for ``meeting``; one query for a member,
    none for everyone else."""
    request, meeting = context.get("request"), context.get("meeting")
    if request is None or meeting is None:
        return {}
    # The meeting page asks twice (the short answer line at the top, the panel after the
    # agenda): worked out once per request and meeting.
    done = request.__dict__.setdefault("_participation_panels", {})
    if meeting.pk not in done:
        done[meeting.pk] = _panel(request, meeting)
    return done[meeting.pk]


def _panel(request, meeting):
    seat = answering_seat(request.user, meeting)
    if seat is None:
        return {}
    answer, support = answer_and_support(meeting, seat.membership)
    is_open = answers_open(meeting)
    return {
        "seat": seat,
        "answer": answer,
        "support": support,
        "answers_open": is_open,
        # The form only while it can be sent (the panel shows it only then).
        "form": AnswerForm(initial=AnswerForm.initial_for(answer, None), with_support=False)
        if is_open
        else None,
    }
