from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import (
    CreateView,
    DeleteView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
    View,
)
from rules.contrib.views import PermissionRequiredMixin

from actionplans import services
from actionplans.economy import plan_economy
from actionplans.exports import plan_csv_response
from actionplans.forms import ActionPlanForm, DecisionForm
from actionplans.history import plan_history
from actionplans.models import ActionPlan, Initiative, StatusChange
from actionplans.views.mixins import GuardedObjectMixin, PlanMixin, VisibleObjectMixin
from audit.access import access_logged
from audit.models import Action
from core.views import LoginOn404Mixin


class PlanListView(ListView):
    template_name = "actionplans/plan_list.html"
    context_object_name = "plans"
    paginate_by = 50

    def get_queryset(self):
        return ActionPlan.objects.visible_to(self.request.user).select_related("committee")


class PlanDetailView(PlanMixin, VisibleObjectMixin, TemplateView):
    template_name = "actionplans/plan_detail.html"

    def get_queryset(self):
        initiatives = Initiative.objects.select_related("focus_area", "responsible_unit")
        changes = StatusChange.objects.select_related("changed_by")
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "recommenders",
                Prefetch("initiatives", queryset=initiatives),
                Prefetch("status_changes", queryset=changes),
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            economy=plan_economy(self.plan),
            transitions=services.allowed_transitions(self.plan),
            history=plan_history(self.request, self.plan),
            **kwargs,
        )


class PlanCreateView(LoginOn404Mixin, PermissionRequiredMixin, CreateView):
    permission_required = "actionplans.add_actionplan"
    model = ActionPlan
    form_class = ActionPlanForm
    template_name = "actionplans/plan_form.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Handleplanen er oprettet som kladde."))
        return response


class PlanUpdateView(PlanMixin, GuardedObjectMixin, UpdateView):
    permission_required = "actionplans.change_actionplan"
    form_class = ActionPlanForm
    template_name = "actionplans/plan_form.html"
    context_object_name = "plan"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Handleplanen er gemt."))
        return response


class PlanDeleteView(PlanMixin, GuardedObjectMixin, DeleteView):
    permission_required = "actionplans.delete_actionplan"
    template_name = "actionplans/plan_confirm_delete.html"
    success_url = reverse_lazy("actionplans:plan_list")

    def form_valid(self, form):
        title = self.plan.title
        response = super().form_valid(form)
        messages.success(self.request, _("Handleplanen »%(title)s« er slettet.") % {"title": title})
        return response


class PlanSubmitView(PlanMixin, GuardedObjectMixin, DetailView):
    """Confirms, then puts the plan before the committee."""

    permission_required = "actionplans.change_actionplan"
    template_name = "actionplans/plan_submit.html"
    context_object_name = "plan"

    def get_context_data(self, **kwargs):
        allowed = ActionPlan.Status.SUBMITTED in services.allowed_transitions(self.plan)
        return super().get_context_data(submittable=allowed, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.submit_plan(plan=self.plan, by=request.user)
        except services.AlreadyDone:
            messages.info(request, _("Handleplanen er allerede indstillet til udvalget."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Handleplanen er indstillet til udvalget."))
        return redirect(self.plan)


class PlanDecisionView(PlanMixin, GuardedObjectMixin, FormView):
    permission_required = "actionplans.change_actionplan"
    template_name = "actionplans/plan_decision.html"
    form_class = DecisionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def post(self, request, *args, **kwargs):
        if self.plan.status in ActionPlan.Status.decided():
            return self._already_decided()
        return super().post(request, *args, **kwargs)

    def _already_decided(self):
        # A second click on "Registrér" ends on the plan, with the decision already made.
        messages.info(
            self.request,
            _("Udvalgets beslutning er allerede registreret (status: %(status)s).")
            % {"status": self.plan.get_status_display().lower()},
        )
        return redirect(self.plan)

    def form_valid(self, form):
        try:
            services.record_decision(
                plan=self.plan,
                outcome=form.cleaned_data["outcome"],
                decision_date=form.cleaned_data["decision_date"],
                decision_text=form.cleaned_data["decision_text"],
                by=self.request.user,
            )
        except services.AlreadyDone:
            self.plan.refresh_from_db()
            return self._already_decided()
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("Udvalgets beslutning er registreret."))
        return redirect(self.plan)


@method_decorator(access_logged(Action.EXPORT_CSV, ActionPlan), name="dispatch")
class PlanCsvView(PlanMixin, VisibleObjectMixin, View):
    def get(self, request, *args, **kwargs):
        return plan_csv_response(self.plan, request.user)
