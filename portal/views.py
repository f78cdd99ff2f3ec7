from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.readiness import NOT_USED, OK, readiness
from portal.registry import home_panels


def home(request):
    return render(request, "pages/home.html", {"panels": home_panels(request)})


def accessibility(request):
    return render(request, "pages/accessibility.html")


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
