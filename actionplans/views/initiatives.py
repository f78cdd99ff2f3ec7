from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from actionplans import services
from actionplans.forms import InitiativeForm, InitiativeUpdateForm
from actionplans.history import initiative_history
from actionplans.models import Initiative
from actionplans.views.mixins import (
    GuardedObjectMixin,
    InitiativeMixin,
    PlanMixin,
    VisibleObjectMixin,
)


class InitiativeFormMixin:
    form_class = InitiativeForm
    template_name = "actionplans/initiative_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan, "user": self.request.user}


class InitiativeCreateView(PlanMixin, GuardedObjectMixin, InitiativeFormMixin, FormView):
    permission_required = "actionplans.add_initiative"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Initiative(plan=self.plan)}

    def form_valid(self, form):
        try:
            initiative = services.add_initiative(
                plan=self.plan,
                initiative=form.save(commit=False),
                letter=form.cleaned_data["letter"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        form.save_m2m()
        messages.success(
            self.request,
            _("Initiativ %(letter)s er tilføjet.") % {"letter": initiative.letter},
        )
        return redirect(self.plan)


class InitiativePageMixin(InitiativeMixin):
    template_name = "actionplans/initiative_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        updates = self.initiative.updates.select_related("author")
        # The linked goals and items each follow their own app's visibility.
        goals = self.initiative.unit_goals.visible_to(user).for_display()
        items = self.initiative.agenda_items.visible_to(user).select_related("meeting__council")
        return super().get_context_data(
            updates=updates,
            unit_goals=goals,
            agenda_items=items.order_by("meeting__starts_at", "number"),
            update_form=kwargs.pop("update_form", None) or InitiativeUpdateForm(),
            history=initiative_history(self.request, self.initiative),
            **kwargs,
        )


class InitiativeDetailView(InitiativePageMixin, VisibleObjectMixin, TemplateView):
    pass


class InitiativeUpdateView(InitiativeMixin, GuardedObjectMixin, InitiativeFormMixin, FormView):
    permission_required = "actionplans.change_initiative"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.initiative}

    def form_valid(self, form):
        form.save()
        messages.success(
            self.request, _("Initiativ %(letter)s er gemt.") % {"letter": self.initiative.letter}
        )
        return redirect(self.initiative)


class InitiativeDeleteView(InitiativeMixin, GuardedObjectMixin, TemplateView):
    permission_required = "actionplans.delete_initiative"
    template_name = "actionplans/initiative_confirm_delete.html"
    http_method_names = ["get", "post"]

    def handle_no_permission(self):
        # An administrator is refused only because of the plan's status: say why, in words.
        refusal = services.initiative_delete_refusal(self.plan)
        if refusal and self.request.user.has_perm("actionplans.change_initiative", self.plan):
            return self._refused(refusal)
        return super().handle_no_permission()

    def _refused(self, message):
        context = self.get_context_data(refusal=message)
        return self.render_to_response(context, status=403)

    def post(self, request, *args, **kwargs):
        letter = self.initiative.letter
        try:
            services.delete_initiative(initiative=self.initiative, by=request.user)
        except ValidationError as error:
            return self._refused(" ".join(error.messages))
        messages.success(request, _("Initiativ %(letter)s er slettet.") % {"letter": letter})
        return redirect(self.plan)


class ProgressUpdateCreateView(InitiativePageMixin, GuardedObjectMixin, TemplateView):
    """Adds a dated progress note; a bad note shows the initiative page again with errors."""

    permission_required = "actionplans.change_initiative"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = InitiativeUpdateForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(update_form=form))
        services.add_progress_update(
            initiative=self.initiative,
            date=form.cleaned_data["date"],
            text=form.cleaned_data["text"],
            by=request.user,
        )
        messages.success(request, _("Opfølgningen er gemt."))
        return redirect(self.initiative)
