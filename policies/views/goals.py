from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

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
from policies.views.common import paginate, require


def goal_list(request):
    form, goals = filtered_goals(request)
    return render(
        request,
        "policies/goal_list.html",
        {
            "filter_form": form,
            "page_obj": paginate(request, goals.for_display()),
            "can_add": request.user.has_perm("policies.add_unitgoal"),
            "ladder": ladder(),
        },
    )


def _visible_goal(request, pk):
    return get_object_or_404(UnitGoal.objects.visible_to(request.user).for_display(), pk=pk)


def goal_detail(request, pk):
    goal = _visible_goal(request, pk)
    user = request.user
    updates = goal.updates.select_related("author").prefetch_related(
        Prefetch(
            "attachments", queryset=GoalUpdateAttachment.objects.order_by("original_name", "pk")
        )
    )
    return render(
        request,
        "policies/goal_detail.html",
        {
            "goal": goal,
            "page_obj": paginate(request, updates),
            "history": goal_history(request, goal),
            "can_edit": user.has_perm("policies.change_unitgoal", goal),
            "can_delete": user.has_perm("policies.delete_unitgoal", goal),
            "can_add_update": user.has_perm("policies.add_goalupdate", goal),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request):
    user = request.user
    require(user, "policies.add_unitgoal")
    form = GoalForm(request.POST or None, user=user, initial=_create_initial(request))
    if request.method == "POST" and form.is_valid():
        require(user, "policies.add_unitgoal", form.cleaned_data["unit"])
        goal = services.create_goal(goal=form.instance, user=user)
        messages.success(request, _("Målet er oprettet."))
        return redirect(goal)
    return render(request, "policies/goal_form.html", {"form": form, "goal": None})


def _create_initial(request):
    initial = {"year": timezone.localdate().year}
    adopted = PolicyVersion.objects.filter(status=PolicyVersion.Status.ADOPTED).first()
    if adopted is not None:
        initial["policy"] = adopted.pk
    own = sorted(staffed_unit_ids(request.user))
    unit = request.GET.get("unit")
    if unit and unit.isdigit():
        initial["unit"] = int(unit)
    elif len(own) == 1:
        initial["unit"] = own[0]
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk):
    user = request.user
    goal = _visible_goal(request, pk)
    require(user, "policies.change_unitgoal", goal)
    form = GoalForm(request.POST or None, instance=goal, user=user)
    if request.method == "POST" and form.is_valid():
        require(user, "policies.add_unitgoal", form.cleaned_data["unit"])
        based_on = form.cleaned_data["version"]
        try:
            services.save_goal(goal=form.instance, based_on_version=based_on, user=user)
        except services.StaleGoal as stale:
            return _merge_page(request, form, stale.current, based_on)
        messages.success(request, _("Målet er gemt."))
        return redirect(goal)
    return render(request, "policies/goal_form.html", {"form": form, "goal": goal})


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


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request, pk):
    goal = _visible_goal(request, pk)
    require(request.user, "policies.delete_unitgoal", goal)
    if request.method == "POST":
        services.delete_goal(goal=goal, user=request.user)
        messages.success(request, _("Målet »%(title)s« er slettet.") % {"title": goal.title})
        return redirect("policies:goal_list")
    return render(
        request,
        "policies/goal_delete.html",
        {"goal": goal, "update_count": goal.updates.count()},
    )


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
