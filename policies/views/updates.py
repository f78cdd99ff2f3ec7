from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from audit.access import access_logged
from audit.models import Action
from core.drafts import saved_draft_tag
from core.files import protected_file_response
from policies import services
from policies.forms import GoalUpdateForm
from policies.history import update_history
from policies.models import GoalUpdate, GoalUpdateAttachment, UnitGoal
from policies.views.common import FormPageMixin, GuardedObjectMixin, PublicObjectMixin


class UpdateObjectMixin:
    model = GoalUpdate

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("goal__unit", "goal__focus_area", "goal__policy", "author")
        )


class AttachmentObjectMixin:
    model = GoalUpdateAttachment

    def get_queryset(self):
        return super().get_queryset().select_related("update__goal__unit", "update__goal__policy")


class UpdateCreateView(FormPageMixin, GuardedObjectMixin, FormView):
    """A new update of the goal in the URL (the goal is the guarded object)."""

    model = UnitGoal
    permission_required = "policies.add_goalupdate"
    form_class = GoalUpdateForm
    template_name = "policies/update_form.html"

    def get_queryset(self):
        return super().get_queryset().for_display()

    @property
    def draft_key(self):
        return f"goal-update-goal-{self.object.pk}"

    def get_initial(self):
        return {"date": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.object, draft_key=self.draft_key, **kwargs)

    def form_valid(self, form):
        goal = self.object
        services.create_update(
            update=form.save(commit=False),
            goal=goal,
            files=form.cleaned_data["attachments"],
            user=self.request.user,
        )
        messages.success(
            self.request, _("Opfølgningen er gemt."), extra_tags=saved_draft_tag(self.draft_key)
        )
        return redirect(f"{goal.get_absolute_url()}#opfoelgninger")


class UpdateDetailView(UpdateObjectMixin, PublicObjectMixin, TemplateView):
    template_name = "policies/update_detail.html"

    def get_context_data(self, **kwargs):
        update = self.object
        return super().get_context_data(
            update=update,
            goal=update.goal,
            attachments=update.attachments.select_related("uploaded_by"),
            history=update_history(self.request, update),
            **kwargs,
        )


class UpdateEditView(FormPageMixin, UpdateObjectMixin, GuardedObjectMixin, FormView):
    permission_required = "policies.change_goalupdate"
    form_class = GoalUpdateForm
    template_name = "policies/update_form.html"

    @property
    def draft_key(self):
        return f"goal-update-{self.object.pk}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs):
        update = self.object
        return super().get_context_data(
            goal=update.goal,
            update=update,
            attachments=update.attachments.all(),
            draft_key=self.draft_key,
            **kwargs,
        )

    def form_valid(self, form):
        services.save_update(
            update=form.save(commit=False),
            files=form.cleaned_data["attachments"],
            user=self.request.user,
        )
        messages.success(
            self.request, _("Opfølgningen er gemt."), extra_tags=saved_draft_tag(self.draft_key)
        )
        return redirect(self.object)


class UpdateDeleteView(FormPageMixin, UpdateObjectMixin, GuardedObjectMixin, TemplateView):
    permission_required = "policies.delete_goalupdate"
    template_name = "policies/update_delete.html"

    def get_context_data(self, **kwargs):
        update = self.object
        return super().get_context_data(
            update=update, goal=update.goal, attachments=update.attachments.all(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        goal = self.object.goal
        services.delete_update(update=self.object)
        messages.success(request, _("Opfølgningen er slettet."))
        return redirect(goal)


@method_decorator(access_logged(Action.DOWNLOAD, GoalUpdateAttachment), name="dispatch")
class AttachmentDownloadView(AttachmentObjectMixin, PublicObjectMixin, View):
    def get(self, request, *args, **kwargs):
        attachment = self.object
        return protected_file_response(attachment.file, download_name=attachment.original_name)


class AttachmentDeleteView(FormPageMixin, AttachmentObjectMixin, GuardedObjectMixin, TemplateView):
    permission_required = "policies.delete_goalupdateattachment"
    template_name = "policies/attachment_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(attachment=self.object, update=self.object.update, **kwargs)

    def post(self, request, *args, **kwargs):
        attachment = self.object
        services.delete_attachment(attachment=attachment)
        messages.success(
            request, _("Bilaget »%(name)s« er slettet.") % {"name": attachment.original_name}
        )
        return redirect(attachment.update)
