from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.registry import home_panels


def home(request):
    return render(request, "pages/home.html", {"panels": home_panels(request)})


def accessibility(request):
    return render(request, "pages/accessibility.html")


@never_cache
def healthz(request):
    """A fixed answer with no database work: used by health checks and as the load floor."""
    return HttpResponse("ok", content_type="text/plain")
