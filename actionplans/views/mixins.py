from django.http import Http404
from django.utils.functional import cached_property
from rules.contrib.views import PermissionRequiredMixin

from actionplans.models import ActionPlan, Initiative


class VisiblePlanMixin(PermissionRequiredMixin):
    """Finds the plan of the URL among those the user may see (else 404), then checks the
    permission on it (anonymous → login, others → 403)."""

    def plan_queryset(self):
        return ActionPlan.objects.visible_to(self.request.user).select_related(
            "committee", "administration"
        )

    @cached_property
    def plan(self):
        try:
            return self.plan_queryset().get(pk=self.kwargs["pk"])
        except ActionPlan.DoesNotExist:
            raise Http404 from None

    def get_permission_object(self):
        return self.plan

    def get_object(self, queryset=None):
        return self.plan

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class VisibleInitiativeMixin(VisiblePlanMixin):
    """Permissions are checked on the initiative's plan."""

    def initiative_queryset(self):
        return Initiative.objects.select_related("focus_area", "responsible_unit")

    @cached_property
    def initiative(self):
        try:
            initiative = self.initiative_queryset().get(
                plan=self.plan, letter=self.kwargs["letter"]
            )
        except Initiative.DoesNotExist:
            raise Http404 from None
        initiative.plan = self.plan
        return initiative

    def get_object(self, queryset=None):
        return self.initiative

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)
