"""What every council view shares: objects read through visible_to, rules checks, 404 vs login."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from core.views import GuardedObjectMixin, LoginOn404Mixin, VisibleObjectMixin  # noqa: F401
from councils.rules import meeting_of
from councils.services import AgendaLocked


def agenda_locked_message(*, posted: bool) -> str:
    message = _(
        "Referatet er godkendt, så dagsordenen er låst. Referatet, punkter, bilag, "
        "beslutninger, fremmøde og rådets udtalelser kan ikke længere ændres. "
        "Forvaltningens svar på en udtalelse kan stadig skrives."
    )
    if posted:
        return f"{_('Din ændring er ikke gemt.')} {message}"
    return message


class AgendaLockMixin:
    """Tells a secretary why a locked agenda refuses a change, instead of a bare 403.

    The lock itself is in the rules (``agenda_is_open``); this only explains the
    refusal to someone who could otherwise manage the meeting. List it before
    GuardedObjectMixin.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except AgendaLocked:
            return self._locked_response(meeting_of(self.get_permission_object()))

    def _locked_response(self, meeting):
        return render(
            self.request,
            "councils/agenda_locked.html",
            {
                "meeting": meeting,
                "message": agenda_locked_message(posted=self.request.method == "POST"),
            },
            status=403,
        )

    def handle_no_permission(self):
        user = self.request.user
        meeting = meeting_of(self.get_permission_object())
        if (
            meeting is not None
            and meeting.agenda_locked
            and user.has_perm("councils.manage_meetings", meeting)
        ):
            return self._locked_response(meeting)
        return super().handle_no_permission()
