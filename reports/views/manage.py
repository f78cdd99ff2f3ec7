from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from organisation.models import FocusArea
from reports import services
from reports.forms import NarrativeForm, ReportAttachmentForm, StatusReportForm
from reports.models import FocusAreaNarrative, ReportAttachment, StatusReport
from reports.views.common import ManagedObjectMixin, ManageMixin


class DraftOnlyMixin:
    """Edits of a published report end on its page with a message (the rule the admin asks)."""

    def report(self):
        return self.object

    def get(self, request, *args, **kwargs):
        return self._refused() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refused() or super().post(request, *args, **kwargs)

    def _refused(self):
        report = self.report()
        if self.request.user.has_perm("reports.change_statusreport", report):
            return None
        messages.error(
            self.request,
            _(
                "Rapporten er offentliggjort og kan ikke ændres. Opret en ny version for at ændre den."
            ),
        )
        return redirect("reports:manage", pk=report.pk)

    def _done(self, message):
        messages.success(self.request, message)
        return redirect("reports:manage", pk=self.report().pk)

    def _error(self, exc):
        messages.error(self.request, str(exc))
        return redirect("reports:manage", pk=self.report().pk)


class ManageListView(ManageMixin, TemplateView):
    template_name = "reports/manage_list.html"

    def get_context_data(self, **kwargs):
        reports = StatusReport.objects.visible_to(self.request.user).select_related("committee")
        page = Paginator(reports.order_by("-date", "-version", "-pk"), 50).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(page_obj=page, reports=page, **kwargs)


class CreateView(ManageMixin, FormView):
    form_class = StatusReportForm
    template_name = "reports/report_form.html"

    def form_valid(self, form):
        report = services.create_report(report=form.instance)
        messages.success(self.request, _("Statusnotatet er oprettet."))
        return redirect("reports:manage", pk=report.pk)


class EditView(DraftOnlyMixin, ManagedObjectMixin, FormView):
    form_class = StatusReportForm
    template_name = "reports/report_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.object, **kwargs)

    def form_valid(self, form):
        try:
            services.save_report(report=form.instance)
        except services.ReportError as exc:
            return self._error(exc)
        return self._done(_("Ændringerne er gemt."))


class ManageView(ManagedObjectMixin, TemplateView):
    template_name = "reports/manage.html"

    def get_context_data(self, **kwargs):
        report = self.object
        return super().get_context_data(
            report=report,
            attachments=report.attachments.all(),
            rendition=services.latest_rendition(report),
            versions=report.next_versions.all(),
            **kwargs,
        )


class NarrativesView(DraftOnlyMixin, ManagedObjectMixin, TemplateView):
    template_name = "reports/narratives_form.html"

    def forms(self):
        report = self.object
        data = self.request.POST if self.request.method == "POST" else None
        existing = {n.focus_area_id: n for n in report.narratives.all()}
        return [
            (
                area,
                NarrativeForm(
                    data,
                    prefix=f"area{area.pk}",
                    instance=existing.get(area.pk)
                    or FocusAreaNarrative(report=report, focus_area=area),
                ),
            )
            for area in FocusArea.objects.order_by("number")
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("forms", self.forms())
        return super().get_context_data(report=self.object, **kwargs)

    def post(self, request, *args, **kwargs):
        if refused := self._refused():
            return refused
        forms = self.forms()
        if not all(form.is_valid() for _area, form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        try:
            services.save_narratives(
                report=self.object, narratives=[form.save(commit=False) for _a, form in forms]
            )
        except services.ReportError as exc:
            return self._error(exc)
        return self._done(_("Teksterne pr. fokusområde er gemt."))


class AttachmentFormMixin:
    form_class = ReportAttachmentForm
    template_name = "reports/attachment_form.html"
    success_message = ""

    def form_valid(self, form):
        try:
            services.save_attachment(attachment=form.save(commit=False))
        except services.ReportError as exc:
            return self._error(exc)
        return self._done(self.success_message)


class AttachmentAddView(AttachmentFormMixin, DraftOnlyMixin, ManagedObjectMixin, FormView):
    success_message = gettext_lazy("Bilaget er tilføjet.")

    def get_form_kwargs(self):
        position = (self.object.attachments.count() + 1) * 10
        return {
            **super().get_form_kwargs(),
            "instance": ReportAttachment(report=self.object, position=position),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.object, **kwargs)


class AttachmentObjectMixin(DraftOnlyMixin, ManagedObjectMixin):
    model = ReportAttachment

    def report(self):
        return self.object.report

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report(), attachment=self.object, **kwargs)


class AttachmentEditView(AttachmentFormMixin, AttachmentObjectMixin, FormView):
    success_message = gettext_lazy("Bilaget er gemt.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}


class AttachmentDeleteView(AttachmentObjectMixin, TemplateView):
    template_name = "reports/attachment_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        if refused := self._refused():
            return refused
        try:
            services.delete_attachment(attachment=self.object)
        except services.ReportError as exc:
            return self._error(exc)
        return self._done(_("Bilaget er slettet."))
