from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from audit.access import access_logged
from audit.models import Action
from core.csvexport import csv_response
from core.email import absolute_url
from organisation.roles import staffed_unit_ids
from policies import services
from policies.filters import filtered_goals
from policies.forms import GoalForm
from policies.history import goal_history
from policies.models import (
    GoalUpdateAttachment,
    PolicyVersion,
    UnitGoal,
    ladder,
)
from policies.views.common import (
    CreatePageMixin,
    FormPageMixin,
    GuardedObjectMixin,
    PublicObjectMixin,
    paginate,
)


class GoalListView(TemplateView):
    template_name = "policies/goal_list.html"

    def get_context_data(self, **kwargs):
        form, goals = filtered_goals(self.request)
        return super().get_context_data(
            filter_form=form,
            page_obj=paginate(self.request, goals.for_display()),
            ladder=ladder(),
            **kwargs,
        )


class GoalObjectMixin:
    model = UnitGoal

    def get_queryset(self):
        return super().get_queryset().for_display()


class GoalDetailView(GoalObjectMixin, PublicObjectMixin, TemplateView):
    template_name = "policies/goal_detail.html"

    def get_context_data(self, **kwargs):
        goal = self.object
        updates = goal.updates.select_related("author").prefetch_related(
            Prefetch(
                "attachments",
                queryset=GoalUpdateAttachment.objects.order_by("original_name", "pk"),
            )
        )
        return super().get_context_data(
            goal=goal,
            page_obj=paginate(self.request, updates),
            history=goal_history(self.request, goal),
            **kwargs,
        )


def _refuse_unit(user, unit):
    """A caseworker sets goals for their own units only (the form's choice is checked too)."""
    if not user.has_perm("policies.add_unitgoal", unit):
        raise PermissionDenied


class GoalCreateView(CreatePageMixin, FormView):
    permission_required = "policies.add_unitgoal"
    form_class = GoalForm
    template_name = "policies/goal_form.html"
    extra_context = {"goal": None}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = {"year": timezone.localdate().year}
        adopted = PolicyVersion.objects.filter(status=PolicyVersion.Status.ADOPTED).first()
        if adopted is not None:
            initial["policy"] = adopted.pk
        own = sorted(staffed_unit_ids(self.request.user))
        unit = self.request.GET.get("unit")
        if unit and unit.isdigit():
            initial["unit"] = int(unit)
        elif len(own) == 1:
            initial["unit"] = own[0]
        return initial

    def form_valid(self, form):
        _refuse_unit(self.request.user, form.cleaned_data["unit"])
        goal = services.create_goal(goal=form.instance)
        messages.success(self.request, _("Målet er oprettet."))
        return redirect(goal)


class GoalEditView(FormPageMixin, GoalObjectMixin, GuardedObjectMixin, FormView):
    permission_required = "policies.change_unitgoal"
    form_class = GoalForm
    template_name = "policies/goal_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.object, **kwargs)

    def form_valid(self, form):
        _refuse_unit(self.request.user, form.cleaned_data["unit"])
        based_on = form.cleaned_data["version"]
        try:
            services.save_goal(goal=form.instance, based_on_version=based_on)
        except services.StaleGoal as stale:
            return _merge_page(self.request, form, stale.current, based_on)
        messages.success(self.request, _("Målet er gemt."))
        return redirect(self.object)


def _merge_page(request, form, current, based_on):
    """Someone saved the goal after this user opened it: nothing is saved; they merge."""
    current = UnitGoal.objects.for_display().get(pk=current.pk)
    differences = services.goal_differences(form=form, current=current, based_on_version=based_on)
    merge_form = GoalForm(
        instance=current,
        user=request.user,
        initial=services.merge_initial(form=form, current=current, differences=differences),
    )
    by_name = {d.name: d for d in differences}
    last = current.history.select_related("history_user").order_by("-history_date").first()
    return render(
        request,
        "policies/goal_merge.html",
        {
            "goal": current,
            "form": merge_form,
            "differences": differences,
            "merge_fields": [
                (field, by_name.get(field.name)) for field in merge_form.visible_fields()
            ],
            "saved_by": last.history_user if last else None,
            "saved_at": last.history_date if last else current.updated_at,
        },
        status=409,
    )


class GoalDeleteView(FormPageMixin, GoalObjectMixin, GuardedObjectMixin, TemplateView):
    permission_required = "policies.delete_unitgoal"
    template_name = "policies/goal_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goal=self.object, update_count=self.object.updates.count(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        goal = self.object
        services.delete_goal(goal=goal)
        messages.success(request, _("Målet »%(title)s« er slettet.") % {"title": goal.title})
        return redirect("policies:goal_list")


@access_logged(Action.EXPORT_CSV, UnitGoal)
def goal_export(request):
    _form, goals = filtered_goals(request)
    headers = [
        _("Enhed"),
        _("År"),
        _("Fokusområde"),
        _("Politik"),
        _("Mål"),
        _("Hvad inddrages brugerne i"),
        _("Hvordan organiseres det"),
        _("Trin på inddragelsestrappen"),
        _("Primære brugere"),
        _("Sekundære brugere"),
        _("Indikator"),
        _("Resultatkrav"),
        _("Frist"),
        _("Status"),
        _("Antal opfølgninger"),
        _("Adresse"),
    ]
    rows = (
        [
            goal.unit.name,
            goal.year,
            goal.focus_area.name,
            str(goal.policy),
            goal.title,
            goal.involved_in,
            goal.organisation,
            goal.get_level_display(),
            goal.primary_users,
            goal.secondary_users,
            goal.indicator,
            goal.target,
            goal.deadline.strftime("%d.%m.%Y"),
            goal.get_status_display(),
            goal.update_count,
            absolute_url(goal.get_absolute_url()),
        ]
        for goal in goals.for_display()
        .annotate(update_count=Count("updates"))
        .iterator(chunk_size=500)
    )
    year = request.GET.get("year", "")
    name = f"enhedsmaal-{year}.csv" if year.isdigit() else "enhedsmaal.csv"
    return csv_response(name, headers, rows)
