from django.conf import settings

from accounts.roles import roles_for
from core.registry import nav_entries


def portal(request):
    user = getattr(request, "user", None)
    return {
        "PORTAL_MUNICIPALITY": settings.PORTAL_MUNICIPALITY,
        "portal_nav": nav_entries(),
        "portal_roles": roles_for(user) if user is not None else [],
    }
