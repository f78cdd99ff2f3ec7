"""What every policies view shares: the guards of core.views, and 50 rows a page."""

from django.core.paginator import Paginator
from rules.contrib.views import PermissionRequiredMixin

from core.views import GuardedObjectMixin, LoginOn404Mixin, PublicObjectMixin

PER_PAGE = 50

__all__ = ["CreatePageMixin", "GuardedObjectMixin", "PublicObjectMixin", "paginate"]


def paginate(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


class FormPageMixin:
    """A form page answers GET and POST only (as ``require_http_methods`` did)."""

    http_method_names = ["get", "post"]


class CreatePageMixin(FormPageMixin, LoginOn404Mixin, PermissionRequiredMixin):
    """A form that creates: the model-level ``permission_required`` (no object yet)."""
