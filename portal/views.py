from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from core.registry import home_panels
from portal.readiness import NOT_USED, OK, readiness


def home(request):
    return render(request, "pages/home.html", {"panels": home_panels(request)})


def accessibility(request):
    from django.conf import settings

    from portal.accessibility import effective_compliance

    statement = settings.PORTAL_ACCESSIBILITY_STATEMENT
    return render(
        request,
        "pages/accessibility.html",
        {"statement": statement, "compliance": effective_compliance(statement)},
    )


@never_cache
def healthz(request):
    """A fixed answer with no database work: used by health checks and as the load floor."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Whether the database, the Redis cache and the broker answer, within a short deadline.

    200 when every dependency in use answers, else 503; the body names each one's state.
    /healthz/ stays free of I/O: it tells that the process lives, this that it can work.
    """
    states = readiness()
    ready = all(state in (OK, NOT_USED) for state in states.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": states},
        status=200 if ready else 503,
    )


# Error pages. 403 and 404 are drawn in the full layout with the request. 400 and 500
# are drawn without it: the request itself may be what is wrong (a forged Host header,
# a broken session), and on a 500 the database may be down, so no context processor runs.


def _bare_page(template_name, status):
    html = loader.render_to_string(
        template_name, {"PORTAL_MUNICIPALITY": settings.PORTAL_MUNICIPALITY}
    )
    return HttpResponse(html, status=status)


def bad_request(request, exception):
    return _bare_page("400.html", 400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return _bare_page("500.html", 500)


def csrf_failure(request, reason=""):
    """A form sent from a stale page (expired token, logged out meanwhile): say so in Danish."""
    return render(request, "403_csrf.html", status=403)
