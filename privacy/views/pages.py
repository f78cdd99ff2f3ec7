from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from core.personaldata import kinds
from privacy.export import build_zip, zip_filename


def zip_response(user) -> HttpResponse:
    response = HttpResponse(build_zip(user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{zip_filename(user)}"'
    response["Cache-Control"] = "no-store"
    return response


def notice(request):
    """The privacy notice: its periods are read from the settings the retention job uses."""
    retention = [
        {
            "label": kind.retention.label,
            "period": kind.retention.period,
            "unit": kind.retention.unit,
        }
        for kind in kinds()
        if kind.retention
    ]
    return render(
        request,
        "privacy/notice.html",
        {
            "controller": settings.PORTAL_PRIVACY_CONTROLLER,
            "dpo": settings.PORTAL_PRIVACY_DPO_CONTACT,
            "legal_basis": settings.PORTAL_PRIVACY_LEGAL_BASIS,
            "recipients": settings.PORTAL_PRIVACY_RECIPIENTS,
            "authority_name": settings.PORTAL_PRIVACY_AUTHORITY_NAME,
            "authority_url": settings.PORTAL_PRIVACY_AUTHORITY_URL,
            "retention": retention,
            "former_member_years": settings.PORTAL_RETENTION_FORMER_MEMBER_YEARS,
            "kinds": [kind for kind in kinds() if kind.rows],
        },
    )


@login_required
def my_data(request):
    return render(request, "privacy/my_data.html", {"kinds": [k for k in kinds() if k.rows]})


@login_required
@require_POST
def my_data_download(request):
    return zip_response(request.user)
