"""The member's answer, the secretary's overview and support list, and cancelling a meeting.

Every view reads the meeting through ``Meeting.objects.visible_to`` (404 / login when
hidden) and asks a ``participation`` rule on it (403 when visible but not allowed).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from audit.access import access_logged
from audit.models import Action
from core.views import GuardedObjectMixin
from councils import services as council_services
from councils.models import Meeting, Membership
from participation import services
from participation.forms import AnswerForm, RecordAnswerForm
from participation.models import Answer, AttendanceAnswer, InvitationState, SupportRequest
from participation.selectors import LIVE_STATES, answering_seat, outlook


def _closed_message(meeting):
    if meeting.is_cancelled:
        return _("Mødet er aflyst, så der skal ikke svares.")
    return _("Mødet er begyndt, så svaret kan ikke længere ændres.")


def _confirmation(answer, *, for_name=None):
    if for_name:
        return _("Svaret for %(name)s er gemt: %(answer)s.") % {
            "name": for_name,
            "answer": answer.get_answer_display(),
        }
    return _("Dit svar er gemt: %(answer)s.") % {"answer": answer.get_answer_display()}


class AnswerView(GuardedObjectMixin, FormView):
    """The member's (or invited substitute's) answer; the panel on the meeting page posts the
    answer alone, this page also takes the support the member needs."""

    model = Meeting
    permission_required = "participation.answer_meeting"
    template_name = "participation/answer_form.html"
    form_class = AnswerForm

    @property
    def seat(self):
        return answering_seat(self.request.user, self.object)

    def _refuse_if_closed(self):
        if not services.answers_open(self.object):
            messages.error(self.request, _closed_message(self.object))
            return redirect(self.object)
        return None

    def get(self, request, *args, **kwargs):
        return self._refuse_if_closed() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse_if_closed() or super().post(request, *args, **kwargs)

    def _current(self):
        membership = self.seat.membership
        answer = AttendanceAnswer.objects.filter(meeting=self.object, membership=membership).first()
        support = SupportRequest.objects.filter(meeting=self.object, membership=membership).first()
        return answer, support

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The meeting page's panel posts the answer alone: support is left as it is.
        kwargs["with_support"] = (
            self.request.method != "POST" or "with_support" in self.request.POST
        )
        return kwargs

    def get_initial(self):
        return AnswerForm.initial_for(*self._current())

    def form_valid(self, form):
        meeting, seat = self.object, self.seat
        try:
            answer, _changed = services.give_answer(
                meeting=meeting,
                membership=seat.membership,
                answer=form.cleaned_data["answer"],
                by=self.request.user,
            )
        except services.AnswersClosed:
            messages.error(self.request, _closed_message(meeting))
            return redirect(meeting)
        except services.InvitationGone:
            messages.error(
                self.request,
                _(
                    "Invitationen gælder ikke længere: medlemmet kommer selv, eller en anden "
                    "suppleant har taget pladsen."
                ),
            )
            return redirect(meeting)
        messages.success(self.request, _confirmation(answer))
        if form.with_support:
            request = services.save_support_request(
                meeting=meeting,
                membership=seat.membership,
                needs=form.needs(),
                details=form.cleaned_data.get("details", ""),
            )
            if request is not None and request.handled_at is None:
                messages.info(
                    self.request,
                    _("Dit ønske om støtte er sendt til sekretæren, der vender tilbage."),
                )
        return redirect(reverse("councils:meeting_detail", args=[meeting.pk]) + "#deltagelse")

    def get_context_data(self, **kwargs):
        answer, support = self._current()
        return super().get_context_data(
            meeting=self.object,
            council=self.object.council,
            seat=self.seat,
            answer=answer,
            support=support,
            **kwargs,
        )


class OverviewView(GuardedObjectMixin, FormView):
    """The secretary's view of who comes: per seat type, quorum, the user side's share, every
    answer with who entered it, and a form to record an answer given on the phone."""

    model = Meeting
    permission_required = "participation.manage_attendance"
    template_name = "participation/overview.html"
    form_class = RecordAnswerForm

    def get_queryset(self):
        return super().get_queryset().select_related("council")

    def _seats(self):
        meeting = self.object
        regular = list(
            Membership.objects.active()
            .regular()
            .filter(council_id=meeting.council_id)
            .select_related("user", "organisation")
            .order_by("seat_type", "user__full_name")
        )
        invited = list(
            Membership.objects.filter(
                substitute_invitations__meeting=meeting,
                substitute_invitations__state__in=LIVE_STATES,
            ).select_related("user", "organisation")
        )
        return [*regular, *invited]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "seats": self._seats()}

    def post(self, request, *args, **kwargs):
        # Seeing the overview and entering an answer for someone else are two rights (today
        # the same people hold both).
        if not request.user.has_perm("participation.record_answer", self.object):
            raise PermissionDenied
        if not services.answers_open(self.object):
            messages.error(request, _closed_message(self.object))
            return redirect("participation:overview", self.object.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        membership = form.chosen()
        try:
            answer, _changed = services.give_answer(
                meeting=self.object,
                membership=membership,
                answer=form.cleaned_data["answer"],
                by=self.request.user,
            )
        except services.AnswersClosed:
            messages.error(self.request, _closed_message(self.object))
        except services.InvitationGone:
            messages.error(self.request, _("Suppleantens invitation gælder ikke længere."))
        else:
            messages.success(
                self.request, _confirmation(answer, for_name=membership.user.full_name)
            )
        return redirect("participation:overview", self.object.pk)

    def get_context_data(self, **kwargs):
        meeting = self.object
        history = (
            AttendanceAnswer.history.filter(meeting_id=meeting.pk)
            .select_related("membership__user", "answered_by")
            .order_by("-history_date", "-history_id")[:50]
        )
        return super().get_context_data(
            meeting=meeting,
            council=meeting.council,
            outlook=outlook(meeting),
            history=history,
            answers_open=services.answers_open(meeting),
            open_support_count=SupportRequest.objects.filter(
                meeting=meeting, handled_at__isnull=True
            ).count(),
            states=InvitationState,
            **kwargs,
        )


@method_decorator(access_logged(Action.VIEW_SUPPORT_REQUESTS, Meeting), name="dispatch")
class SupportListView(GuardedObjectMixin, TemplateView):
    """One meeting's support requests, for the secretary and administrators only."""

    model = Meeting
    permission_required = "participation.view_support_requests"
    template_name = "participation/support_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("council")

    def post(self, request, *args, **kwargs):
        meeting = self.object
        if not request.user.has_perm("participation.handle_support_request", meeting):
            return self.handle_no_permission()
        support = get_object_or_404(
            SupportRequest, meeting=meeting, pk=request.POST.get("request") or 0
        )
        handled = request.POST.get("handled") == "1"
        name = support.membership.user.full_name
        if services.mark_support_handled(request=support, by=request.user, handled=handled):
            if handled:
                messages.success(
                    request, _("Ønsket fra %(name)s er markeret som ordnet.") % {"name": name}
                )
            else:
                messages.success(
                    request, _("Ønsket fra %(name)s er ikke ordnet endnu.") % {"name": name}
                )
        elif handled:
            messages.info(request, _("Ønsket fra %(name)s er allerede ordnet.") % {"name": name})
        else:
            messages.info(
                request,
                _("Ønsket fra %(name)s er allerede markeret som ikke ordnet.") % {"name": name},
            )
        return redirect("participation:support_list", meeting.pk)

    def get_context_data(self, **kwargs):
        meeting = self.object
        requests = list(
            SupportRequest.objects.filter(meeting=meeting)
            .select_related("membership__user", "membership__organisation", "handled_by")
            .order_by("handled_at", "membership__user__full_name")
        )
        answers = dict(
            AttendanceAnswer.objects.filter(meeting=meeting).values_list("membership_id", "answer")
        )
        for request in requests:
            value = answers.get(request.membership_id)
            request.answer_label = Answer(value).label if value else _("Har ikke svaret")
        return super().get_context_data(
            meeting=meeting, council=meeting.council, requests=requests, **kwargs
        )


class CancelMeetingView(GuardedObjectMixin, TemplateView):
    """Aflys mødet: a confirmation page (GET) and the cancellation (POST)."""

    model = Meeting
    permission_required = "participation.cancel_meeting"
    template_name = "participation/cancel_confirm.html"

    def handle_no_permission(self):
        # A second click finds the meeting cancelled by the first one.
        meeting, user = self.object, self.request.user
        if meeting.is_cancelled and user.has_perm("participation.manage_attendance", meeting):
            messages.info(self.request, _("Mødet er allerede aflyst."))
            return redirect(meeting)
        if user.has_perm("participation.manage_attendance", meeting):
            messages.error(
                self.request, _("Kun et planlagt møde, der ikke er afholdt, kan aflyses.")
            )
            return redirect(meeting)
        return super().handle_no_permission()

    def post(self, request, *args, **kwargs):
        try:
            cancelled = council_services.cancel_meeting(meeting=self.object)
        except ValueError:
            messages.error(request, _("Kun et planlagt møde, der ikke er afholdt, kan aflyses."))
            return redirect(self.object)
        if cancelled:
            messages.success(
                request,
                _("Mødet er aflyst. Medlemmerne får besked, og kalenderne viser det som aflyst."),
            )
        else:
            messages.info(request, _("Mødet er allerede aflyst."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        meeting = self.object
        return super().get_context_data(meeting=meeting, council=meeting.council, **kwargs)
