from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator

PER_PAGE = 50


def require(user, perm, obj=None):
    """403 unless the user holds the permission (for this object)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def paginate(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
