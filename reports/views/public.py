from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView, View

from audit.access import access_logged
from audit.models import Action
from core.files import protected_file_response
from reports.models import Rendition, ReportAttachment, StatusReport
from reports.views.common import PublicObjectMixin


def archive(request):
    # The archive is the published reports, administrators' drafts are on their own list.
    reports = (
        StatusReport.objects.visible_to(request.user)
        .published()
        .select_related("committee", "published_rendition")
        .order_by("-published_at", "-pk")
    )
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "reports/archive.html", {"page_obj": page, "reports": page})


class PublishedDetailView(PublicObjectMixin, TemplateView):
    """The archive's page of a report: published ones only, administrators included."""

    model = StatusReport
    template_name = "reports/published_detail.html"

    def get_queryset(self):
        return super().get_queryset().published().select_related("committee", "published_rendition")

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.object, **kwargs)


class ReportFileMixin(PublicObjectMixin):
    """A file of a report (its PDF, a bilag), read through the model's visible_to."""

    def get_queryset(self):
        return super().get_queryset().select_related("report")


@method_decorator(access_logged(Action.DOWNLOAD, Rendition), name="dispatch")
class RenditionPdfView(ReportFileMixin, View):
    """A PDF: public once its report is published with it, otherwise administrators only."""

    model = Rendition

    def get(self, request, *args, **kwargs):
        rendition = self.object
        if rendition.status != Rendition.Status.DONE:
            raise Http404
        report = rendition.report
        filename = f"statusnotat-{report.pk}-v{report.version}.pdf"
        return protected_file_response(rendition.file, download_name=filename, inline=True)


@method_decorator(access_logged(Action.DOWNLOAD, ReportAttachment), name="dispatch")
class AttachmentFileView(ReportFileMixin, View):
    model = ReportAttachment

    def get(self, request, *args, **kwargs):
        attachment = self.object
        return protected_file_response(attachment.file, download_name=attachment.filename)
