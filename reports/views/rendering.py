from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from reports import services
from reports.models import Rendition
from reports.views.common import ManagedObjectMixin


class PreviewView(ManagedObjectMixin, TemplateView):
    template_name = "reports/preview.html"

    def get_context_data(self, **kwargs):
        report = self.object
        if report.is_published:
            content = report.published_rendition.content_html
        else:
            content = services.build_content(report)
        return super().get_context_data(report=report, content=content, **kwargs)


class RenderView(ManagedObjectMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        report = self.object
        try:
            rendition = services.request_rendition(report=report, user=request.user)
        except services.ReportError as exc:
            messages.error(request, str(exc))
            return redirect("reports:manage", pk=report.pk)
        if rendition.already_active:
            messages.info(
                request, _("PDF'en er allerede ved at blive genereret. Her kan du følge den.")
            )
        else:
            messages.info(request, _("PDF'en genereres nu. Siden viser, hvornår den er færdig."))
        return redirect("reports:rendition_status", pk=rendition.pk)


class RenditionStatusView(ManagedObjectMixin, TemplateView):
    """Reads only: a dead worker's rendition shows as failed, the beat's sweep records it."""

    model = Rendition
    template_name = "reports/rendition_status.html"

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["reports/_rendition_status_body.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        rendition = services.as_swept(self.object)
        return super().get_context_data(
            rendition=rendition,
            report=rendition.report,
            # When the PDF is done, the status page offers the next step right there.
            offer_publish=rendition.status == Rendition.Status.DONE
            and not rendition.report.is_published,
            **kwargs,
        )


class PublishView(ManagedObjectMixin, TemplateView):
    template_name = "reports/publish_confirm.html"

    def _already_published(self):
        # A second click on "Offentliggør" ends where the first one did.
        messages.info(self.request, _("Statusnotatet er allerede offentliggjort."))
        return redirect("reports:published_detail", pk=self.object.pk)

    def get(self, request, *args, **kwargs):
        if self.object.is_published:
            return self._already_published()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        report = self.object
        rendition = services.latest_rendition(report)
        current = rendition is not None and services.is_rendition_current(rendition)
        return super().get_context_data(
            report=report, rendition=rendition, current=current, **kwargs
        )

    def post(self, request, *args, **kwargs):
        report = self.object
        if report.is_published:
            return self._already_published()
        rendition = services.latest_rendition(report)
        if rendition is None or not services.is_rendition_current(rendition):
            messages.error(
                request,
                _(
                    "Indholdet er ændret, siden PDF'en blev genereret. Generér en ny PDF, før du offentliggør."
                ),
            )
            return redirect("reports:manage", pk=report.pk)
        try:
            services.publish(report=report, user=request.user, rendition=rendition)
        except services.AlreadyPublished:
            return self._already_published()
        except services.ReportError as exc:
            messages.error(request, str(exc))
            return redirect("reports:manage", pk=report.pk)
        messages.success(request, _("Statusnotatet er offentliggjort i arkivet."))
        return redirect("reports:published_detail", pk=report.pk)


class NewVersionView(ManagedObjectMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        report = self.object
        if not report.is_published:
            messages.error(request, _("Kun et offentliggjort statusnotat kan få en ny version."))
            return redirect("reports:manage", pk=report.pk)
        copy = services.new_version(report=report, user=request.user)
        if copy.already_existed:
            messages.info(
                request,
                _("Version %(n)s findes allerede som kladde. Du kan arbejde videre på den her.")
                % {"n": copy.version},
            )
        else:
            messages.success(
                request, _("Version %(n)s er oprettet som kladde.") % {"n": copy.version}
            )
        return redirect("reports:manage", pk=copy.pk)
