from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from audit.access import access_logged
from audit.models import Action
from core.drafts import saved_draft_tag
from core.files import atomic_with_files, protected_file_response
from policies import services
from policies.forms import GoalUpdateForm
from policies.history import update_history
from policies.models import GoalUpdate, GoalUpdateAttachment, UnitGoal
from policies.views.common import require


def _visible_update(request, pk):
    return get_object_or_404(
        GoalUpdate.objects.visible_to(request.user).select_related(
            "goal__unit", "goal__focus_area", "goal__policy", "author"
        ),
        pk=pk,
    )


def _visible_attachment(request, pk):
    return get_object_or_404(
        GoalUpdateAttachment.objects.visible_to(request.user).select_related(
            "update__goal__unit", "update__goal__policy"
        ),
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_create(request, pk):
    user = request.user
    goal = get_object_or_404(UnitGoal.objects.visible_to(user).for_display(), pk=pk)
    require(user, "policies.add_goalupdate", goal)
    draft_key = f"goal-update-goal-{goal.pk}"
    form = GoalUpdateForm(
        request.POST or None, request.FILES or None, initial={"date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        with atomic_with_files():
            update = form.save(commit=False)
            update.goal = goal
            update.author = user
            update._history_user = user
            update.save()
            services.add_attachments(
                update=update, files=form.cleaned_data["attachments"], user=user
            )
        messages.success(request, _("Opfølgningen er gemt."), extra_tags=saved_draft_tag(draft_key))
        return redirect(f"{goal.get_absolute_url()}#opfoelgninger")
    return render(
        request,
        "policies/update_form.html",
        {"form": form, "goal": goal, "draft_key": draft_key},
    )


def update_detail(request, pk):
    update = _visible_update(request, pk)
    user = request.user
    return render(
        request,
        "policies/update_detail.html",
        {
            "update": update,
            "goal": update.goal,
            "attachments": update.attachments.select_related("uploaded_by"),
            "history": update_history(request, update),
            "can_edit": user.has_perm("policies.change_goalupdate", update),
            "can_delete": user.has_perm("policies.delete_goalupdate", update),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_edit(request, pk):
    user = request.user
    update = _visible_update(request, pk)
    require(user, "policies.change_goalupdate", update)
    form = GoalUpdateForm(request.POST or None, request.FILES or None, instance=update)
    if request.method == "POST" and form.is_valid():
        with atomic_with_files():
            form.instance._history_user = user
            form.save()
            services.add_attachments(
                update=update, files=form.cleaned_data["attachments"], user=user
            )
        messages.success(
            request, _("Opfølgningen er gemt."), extra_tags=saved_draft_tag(f"goal-update-{pk}")
        )
        return redirect(update)
    return render(
        request,
        "policies/update_form.html",
        {
            "form": form,
            "goal": update.goal,
            "update": update,
            "attachments": update.attachments.all(),
            "draft_key": f"goal-update-{pk}",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_delete(request, pk):
    update = _visible_update(request, pk)
    require(request.user, "policies.delete_goalupdate", update)
    goal = update.goal
    if request.method == "POST":
        services.delete_update(update=update, user=request.user)
        messages.success(request, _("Opfølgningen er slettet."))
        return redirect(goal)
    return render(
        request,
        "policies/update_delete.html",
        {
            "update": update,
            "goal": goal,
            "attachments": update.attachments.all(),
        },
    )


@access_logged(Action.DOWNLOAD, GoalUpdateAttachment)
def attachment_download(request, pk):
    attachment = _visible_attachment(request, pk)
    return protected_file_response(attachment.file, download_name=attachment.original_name)


@login_required
@require_http_methods(["GET", "POST"])
def attachment_delete(request, pk):
    attachment = _visible_attachment(request, pk)
    require(request.user, "policies.delete_goalupdateattachment", attachment)
    update = attachment.update
    if request.method == "POST":
        services.delete_attachment(attachment=attachment, user=request.user)
        messages.success(
            request, _("Bilaget »%(name)s« er slettet.") % {"name": attachment.original_name}
        )
        return redirect(update)
    return render(
        request,
        "policies/attachment_delete.html",
        {"attachment": attachment, "update": update},
    )
