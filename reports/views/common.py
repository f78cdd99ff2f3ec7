from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from reports.models import StatusReport


def get_report(pk):
    return get_object_or_404(StatusReport.objects.select_related("committee"), pk=pk)


def administrator_required(view):
    """Anonymous visitors are sent to log in; logged-in non-administrators get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("reports.manage_statusreport"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
