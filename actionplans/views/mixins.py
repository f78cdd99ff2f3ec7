"""The guards of the actionplans views: core.views, with the plan of the URL as the object.

A plan is read once through ``ActionPlan.objects.visible_to`` (a hidden or missing plan
is a 404 for everybody, the anonymous visitor included); the ``rules`` permission is then
asked on the plan (``GuardedObjectMixin``; anonymous → login page, others → 403).
An initiative is found within its plan and guarded by the plan's permissions.
"""

from django.http import Http404
from django.utils.functional import cached_property

from actionplans.models import ActionPlan, Initiative
from core.views import GuardedObjectMixin, VisibleObjectMixin

__all__ = ["GuardedObjectMixin", "InitiativeMixin", "PlanMixin", "VisibleObjectMixin"]


class PlanMixin:
    model = ActionPlan
    login_on_404 = False

    def get_queryset(self):
        return super().get_queryset().select_related("committee", "administration")

    @property
    def plan(self):
        return self.get_object()

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class InitiativeMixin(PlanMixin):
    @cached_property
    def initiative(self):
        try:
            initiative = Initiative.objects.select_related("focus_area", "responsible_unit").get(
                plan=self.plan, letter=self.kwargs["letter"]
            )
        except Initiative.DoesNotExist:
            raise Http404 from None
        initiative.plan = self.plan
        return initiative

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)
