from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from reports import services
from reports.models import Rendition
from reports.views.common import administrator_required, get_report


@administrator_required
def preview(request, pk):
    report = get_report(pk)
    if report.is_published:
        content = report.published_rendition.content_html
    else:
        content = services.build_content(report)
    return render(request, "reports/preview.html", {"report": report, "content": content})


@administrator_required
@require_POST
def render_pdf(request, pk):
    report = get_report(pk)
    try:
        rendition = services.request_rendition(report=report, user=request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc))
        return redirect("reports:manage", pk=report.pk)
    messages.info(request, _("PDF'en genereres nu. Siden viser, hvornår den er færdig."))
    return redirect("reports:rendition_status", pk=rendition.pk)


@administrator_required
def rendition_status(request, pk):
    services.fail_stuck_renditions()
    rendition = get_object_or_404(Rendition.objects.select_related("report"), pk=pk)
    context = {
        "rendition": rendition,
        "report": rendition.report,
        # When the PDF is done, the status page offers the next step right there.
        "offer_publish": rendition.status == Rendition.Status.DONE
        and not rendition.report.is_published,
    }
    if request.headers.get("HX-Request"):
        return render(request, "reports/_rendition_status_body.html", context)
    return render(request, "reports/rendition_status.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def publish(request, pk):
    report = get_report(pk)
    rendition = services.latest_rendition(report)
    if report.is_published:
        raise Http404
    current = rendition is not None and services.is_rendition_current(rendition)
    if request.method == "POST":
        if not current:
            messages.error(
                request,
                _(
                    "Indholdet er ændret, siden PDF'en blev genereret. Generér en ny PDF, før du offentliggør."
                ),
            )
            return redirect("reports:manage", pk=report.pk)
        try:
            services.publish(report=report, user=request.user, rendition=rendition)
        except services.ReportError as exc:
            messages.error(request, str(exc))
            return redirect("reports:manage", pk=report.pk)
        messages.success(request, _("Statusnotatet er offentliggjort i arkivet."))
        return redirect("reports:published_detail", pk=report.pk)
    return render(
        request,
        "reports/publish_confirm.html",
        {"report": report, "rendition": rendition, "current": current},
    )


@administrator_required
@require_POST
def new_version(request, pk):
    report = get_report(pk)
    if not report.is_published:
        messages.error(request, _("Kun et offentliggjort statusnotat kan få en ny version."))
        return redirect("reports:manage", pk=report.pk)
    copy = services.new_version(report=report, user=request.user)
    messages.success(request, _("Version %(n)s er oprettet som kladde.") % {"n": copy.version})
    return redirect("reports:manage", pk=copy.pk)
