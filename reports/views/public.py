from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from audit.access import access_logged
from audit.models import Action
from core.files import protected_file_response
from reports.models import Rendition, ReportAttachment, StatusReport


def archive(request):
    reports = (
        StatusReport.objects.published()
        .select_related("committee", "published_rendition")
        .order_by("-published_at", "-pk")
    )
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "reports/archive.html", {"page_obj": page, "reports": page})


def published_detail(request, pk):
    report = get_object_or_404(
        StatusReport.objects.published().select_related("committee", "published_rendition"),
        pk=pk,
    )
    return render(request, "reports/published_detail.html", {"report": report})


@access_logged(Action.DOWNLOAD, Rendition)
def rendition_pdf(request, pk):
    """A PDF: public once its report is published with it, otherwise administrators only."""
    rendition = get_object_or_404(Rendition.objects.select_related("report"), pk=pk)
    published = rendition.report.published_rendition_id == rendition.pk
    if not published and not request.user.has_perm("reports.manage_statusreport"):
        raise Http404
    if rendition.status != Rendition.Status.DONE:
        raise Http404
    report = rendition.report
    filename = f"statusnotat-{report.pk}-v{report.version}.pdf"
    return protected_file_response(rendition.file, download_name=filename, inline=True)


@access_logged(Action.DOWNLOAD, ReportAttachment)
def attachment_file(request, pk):
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report"), pk=pk)
    if not request.user.has_perm("reports.view_statusreport", attachment.report):
        raise Http404
    return protected_file_response(attachment.file, download_name=attachment.filename)
