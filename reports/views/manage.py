from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from organisation.models import FocusArea
from reports.forms import NarrativeForm, ReportAttachmentForm, StatusReportForm
from reports.models import FocusAreaNarrative, ReportAttachment, StatusReport
from reports.services import ReportError, delete_attachment, latest_rendition, save_attachment
from reports.views.common import administrator_required, get_report


def _refuse_if_published(request, report):
    # The rule the Django admin asks too; for an administrator it refuses a published report.
    if not request.user.has_perm("reports.change_statusreport", report):
        messages.error(
            request,
            _(
                "Rapporten er offentliggjort og kan ikke ændres. Opret en ny version for at ændre den."
            ),
        )
        return redirect("reports:manage", pk=report.pk)
    return None


def _save_attachment(request, form):
    """Saves through the service; a report published meanwhile refuses (and keeps no file)."""
    try:
        save_attachment(attachment=form.save(commit=False))
    except ReportError as exc:
        messages.error(request, str(exc))
        return redirect("reports:manage", pk=form.instance.report_id)
    return None


@administrator_required
def manage_list(request):
    reports = StatusReport.objects.select_related("committee").order_by("-date", "-version", "-pk")
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "reports/manage_list.html", {"page_obj": page, "reports": page})


@administrator_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = StatusReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        report = form.save()
        messages.success(request, _("Statusnotatet er oprettet."))
        return redirect("reports:manage", pk=report.pk)
    return render(request, "reports/report_form.html", {"form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    report = get_report(pk)
    if refused := _refuse_if_published(request, report):
        return refused
    form = StatusReportForm(request.POST if request.method == "POST" else None, instance=report)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ændringerne er gemt."))
        return redirect("reports:manage", pk=report.pk)
    return render(request, "reports/report_form.html", {"form": form, "report": report})


@administrator_required
def manage(request, pk):
    report = get_report(pk)
    context = {
        "report": report,
        "attachments": report.attachments.all(),
        "rendition": latest_rendition(report),
        "versions": report.next_versions.all(),
    }
    return render(request, "reports/manage.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def narratives(request, pk):
    report = get_report(pk)
    if refused := _refuse_if_published(request, report):
        return refused
    existing = {n.focus_area_id: n for n in report.narratives.all()}
    forms = [
        (
            area,
            NarrativeForm(
                request.POST if request.method == "POST" else None,
                prefix=f"area{area.pk}",
                instance=existing.get(area.pk)
                or FocusAreaNarrative(report=report, focus_area=area),
            ),
        )
        for area in FocusArea.objects.order_by("number")
    ]
    if request.method == "POST" and all(form.is_valid() for _, form in forms):
        for _area, form in forms:
            form.save()
        messages.success(request, _("Teksterne pr. fokusområde er gemt."))
        return redirect("reports:manage", pk=report.pk)
    return render(request, "reports/narratives_form.html", {"report": report, "forms": forms})


@administrator_required
@require_http_methods(["GET", "POST"])
def attachment_add(request, pk):
    report = get_report(pk)
    if refused := _refuse_if_published(request, report):
        return refused
    next_position = (report.attachments.count() + 1) * 10
    form = ReportAttachmentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        instance=ReportAttachment(report=report, position=next_position),
    )
    if request.method == "POST" and form.is_valid():
        if refused := _save_attachment(request, form):
            return refused
        messages.success(request, _("Bilaget er tilføjet."))
        return redirect("reports:manage", pk=report.pk)
    return render(request, "reports/attachment_form.html", {"form": form, "report": report})


@administrator_required
@require_http_methods(["GET", "POST"])
def attachment_edit(request, pk):
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report"), pk=pk)
    report = attachment.report
    if refused := _refuse_if_published(request, report):
        return refused
    form = ReportAttachmentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        instance=attachment,
    )
    if request.method == "POST" and form.is_valid():
        if refused := _save_attachment(request, form):
            return refused
        messages.success(request, _("Bilaget er gemt."))
        return redirect("reports:manage", pk=report.pk)
    return render(
        request,
        "reports/attachment_form.html",
        {"form": form, "report": report, "attachment": attachment},
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def attachment_delete(request, pk):
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report"), pk=pk)
    report = attachment.report
    if refused := _refuse_if_published(request, report):
        return refused
    if request.method == "POST":
        try:
            delete_attachment(attachment=attachment)
        except ReportError as exc:
            messages.error(request, str(exc))
            return redirect("reports:manage", pk=report.pk)
        messages.success(request, _("Bilaget er slettet."))
        return redirect("reports:manage", pk=report.pk)
    return render(
        request,
        "reports/attachment_confirm_delete.html",
        {"attachment": attachment, "report": report},
    )
