"""The guards of the reports views (core.views).

The public pages read through the models' ``visible_to`` (a hidden or missing
report, PDF or bilag is a 404 for everybody). The administration of reports is
an area of its own: ``reports.manage_statusreport`` is asked first, before any
object is read (anonymous → login page, everybody else → 403, as for every
page of the area), and the object is then read through ``visible_to``.
"""

from rules.contrib.views import PermissionRequiredMixin

from core.views import LoginOn404Mixin, PublicObjectMixin, VisibleObjectMixin
from reports.models import StatusReport

__all__ = ["ManageMixin", "ManagedObjectMixin", "PublicObjectMixin"]


class ManageMixin(LoginOn404Mixin, PermissionRequiredMixin):
    """A page of the reports administration (lists, forms without an object)."""

    permission_required = "reports.manage_statusreport"
    http_method_names = ["get", "post"]

    def get_permission_object(self):
        return None


class ManagedObjectMixin(ManageMixin, VisibleObjectMixin):
    """A page of the administration about one object (a report unless ``model`` says)."""

    model = StatusReport

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.model is StatusReport:
            return queryset.select_related("committee")
        return queryset.select_related("report")
