"""What every council view shares: objects read through visible_to, rules checks, 404 vs login."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from rules.contrib.views import PermissionRequiredMixin

from councils.rules import meeting_of
from councils.services import AgendaLocked


class LoginOn404Mixin:
    """Hidden objects are a 404; an anonymous visitor is asked to log in instead.

    The anonymous visitor gets the login page for every hidden or missing
    object alike, so the answer reveals nothing; a member following an e-mail
    link while logged out lands on the login page and then on the agenda.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except Http404:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise


class VisibleObjectMixin(LoginOn404Mixin):
    """``self.object`` is read once, through ``Model.objects.visible_to(user)``."""

    model = None
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = get_object_or_404(self.get_queryset(), pk=self.kwargs[self.pk_url_kwarg])
        return self._object

    @property
    def object(self):
        return self.get_object()


class GuardedObjectMixin(VisibleObjectMixin, PermissionRequiredMixin):
    """A visible object and a ``rules`` permission on it (403 when visible but not allowed)."""

    def get_permission_object(self):
        return self.get_object()


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
