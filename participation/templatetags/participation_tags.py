"""The meeting page's participation panel (participation/meeting_panel.html).

The councils template includes the panel; councils cannot import participation (it comes
later in PORTAL_APPS), so the panel reads its own context here, from ``request`` and
``meeting`` in the including template's context.
"""

from django import template
from django.db import connections, router

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
    answer = _of_seat(AttendanceAnswer, meeting, seat.membership)
    support = _of_seat(SupportRequest, meeting, seat.membership)
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


def _of_seat(model, meeting, membership):
    """The seat's one ``model`` row for ``meeting`` (unique per meeting and seat), or None.

    ``filter(meeting=…, membership=…).first()`` as a plain parameterised SELECT: the same
    row and a whole instance, for about a fifth of the ORM's CPU per call (this runs on
    every member's view of a meeting). The seat is attached, so ``entered_by_someone_else``
    asks nothing more.
    """
    meta = model._meta
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    meeting_column = quote(meta.get_field("meeting").column)
    membership_column = quote(meta.get_field("membership").column)
    rows = list(
        model.objects.raw(
            f"SELECT * FROM {quote(meta.db_table)} "  # noqa: S608 - names from the model
            f"WHERE {meeting_column} = %s AND {membership_column} = %s "
            f"ORDER BY {quote(meta.pk.column)} LIMIT 1",
            [meeting.pk, membership.pk],
        )
    )
    if not rows:
        return None
    rows[0].membership = membership
    return rows[0]
