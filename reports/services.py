"""Composing, rendering, publishing and versioning status reports."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from reports.assembly import assemble
from reports.models import FocusAreaNarrative, Rendition, ReportAttachment, StatusReport
from reports.pdf import render_pdf, sha256

logger = logging.getLogger(__name__)


class ReportError(Exception):
    """A request that cannot be carried out; the message is for the administrator."""


def content_context(report) -> dict:
    return {
        "report": report,
        "areas": assemble(report),
        "attachments": list(report.attachments.select_related("policy_version", "action_plan")),
        "PORTAL_MUNICIPALITY": settings.PORTAL_MUNICIPALITY,
        # Links in a PDF must be absolute to work outside the portal.
        "base_url": settings.PORTAL_BASE_URL.rstrip("/"),
    }


def build_content(report) -> str:
    """The report's body as HTML: what the preview shows and the PDF contains."""
    with translation.override("da"):
        return render_to_string("reports/content.html", content_context(report))


def build_print_document(rendition) -> str:
    with translation.override("da"):
        return render_to_string(
            "reports/print.html",
            {
                "report": rendition.report,
                "content": mark_safe(rendition.content_html),  # noqa: S308 - our own rendering
                "created": rendition.queued_at.isoformat(timespec="seconds"),
                "PORTAL_MUNICIPALITY": settings.PORTAL_MUNICIPALITY,
            },
        )


def fail_stuck_renditions() -> int:
    """Marks as failed what a dead worker left queued or rendering past the time limit."""
    return Rendition.objects.stuck().update(
        status=Rendition.Status.FAILED,
        finished_at=timezone.now(),
        error=_(
            "PDF'en blev ikke færdig inden for tidsgrænsen – baggrundsprocessen stoppede "
            "måske undervejs. Prøv at generere den igen."
        ),
    )


@transaction.atomic
def request_rendition(*, report, user=None, publish_when_done=False) -> Rendition:
    """Snapshots the report's content and queues its PDF; returns at once."""
    from reports.tasks import render_rendition_task

    if report.is_published:
        raise ReportError(_("Rapporten er offentliggjort og kan ikke genereres igen."))
    fail_stuck_renditions()
    content = build_content(report)
    rendition = Rendition.objects.create(
        report=report,
        content_html=content,
        source_checksum=sha256(content),
        requested_by=user,
        publish_when_done=publish_when_done,
    )
    transaction.on_commit(lambda: render_rendition_task.delay(rendition.pk))
    return rendition


MAX_ATTEMPTS = 5


def render_rendition(rendition_id: int) -> Rendition | None:
    """The worker's job. Idempotent: a finished rendition is left as it is."""
    # A message redelivered again and again (a worker that keeps dying) must end somewhere.
    Rendition.objects.filter(pk=rendition_id, attempts__gte=MAX_ATTEMPTS).exclude(
        status=Rendition.Status.DONE
    ).update(
        status=Rendition.Status.FAILED,
        finished_at=timezone.now(),
        error=_("PDF'en kunne ikke genereres efter %(n)s forsøg.") % {"n": MAX_ATTEMPTS},
    )
    claimed = Rendition.objects.filter(
        pk=rendition_id, status__in=[Rendition.Status.QUEUED, Rendition.Status.RENDERING]
    ).update(
        status=Rendition.Status.RENDERING,
        started_at=timezone.now(),
        attempts=F("attempts") + 1,
    )
    rendition = Rendition.objects.select_related("report").filter(pk=rendition_id).first()
    if rendition is None:
        return None
    if not claimed:
        if rendition.status == Rendition.Status.DONE and not _file_intact(rendition):
            return _render_and_store(rendition)
        return rendition
    return _render_and_store(rendition)


def _file_intact(rendition) -> bool:
    if not rendition.file or not rendition.file.storage.exists(rendition.file.name):
        return False
    with rendition.file.open("rb") as handle:
        return sha256(handle.read()) == rendition.checksum


def _render_and_store(rendition) -> Rendition:
    pdf, pages = render_pdf(
        build_print_document(rendition), identifier=f"portal-rendition-{rendition.pk}"
    )
    name = f"reports/renditions/{rendition.report_id}/{rendition.pk}.pdf"
    storage = rendition.file.storage
    # One file per rendition: a second run replaces the first instead of adding a copy.
    if storage.exists(name):
        storage.delete(name)
    rendition.file.save(name.rsplit("/", 1)[1], ContentFile(pdf), save=False)
    rendition.checksum = sha256(pdf)
    rendition.page_count = pages
    rendition.status = Rendition.Status.DONE
    rendition.finished_at = timezone.now()
    rendition.error = ""
    rendition.save(
        update_fields=["file", "checksum", "page_count", "status", "finished_at", "error"]
    )
    if rendition.publish_when_done and not rendition.report.is_published:
        publish(report=rendition.report, rendition=rendition, user=rendition.requested_by)
    return rendition


def mark_failed(rendition_id: int, message: str) -> None:
    Rendition.objects.filter(pk=rendition_id).exclude(status=Rendition.Status.DONE).update(
        status=Rendition.Status.FAILED, error=message[:2000], finished_at=timezone.now()
    )


def mark_queued_for_retry(rendition_id: int) -> None:
    Rendition.objects.filter(pk=rendition_id, status=Rendition.Status.RENDERING).update(
        status=Rendition.Status.QUEUED
    )


def delete_attachment(*, attachment) -> None:
    """Deletes a bilag, and its file once no other version of the report still uses it."""
    name = attachment.file.name if attachment.file else ""
    storage = attachment.file.storage
    attachment.delete()
    if name and not ReportAttachment.objects.filter(file=name).exists():
        transaction.on_commit(lambda: storage.delete(name))


def latest_rendition(report) -> Rendition | None:
    return report.renditions.order_by("-queued_at", "-pk").first()


def is_rendition_current(rendition) -> bool:
    """Whether the report still has the content this rendition was made from."""
    return rendition.source_checksum == sha256(build_content(rendition.report))


@transaction.atomic
def publish(*, report, user=None, rendition=None) -> StatusReport:
    """Freezes the report: its PDF and HTML are the rendition's, whatever changes later."""
    report = StatusReport.objects.select_for_update().get(pk=report.pk)
    if report.is_published:
        raise ReportError(_("Rapporten er allerede offentliggjort."))
    rendition = rendition or latest_rendition(report)
    if rendition is None or rendition.status != Rendition.Status.DONE:
        raise ReportError(
            _("Rapporten kan først offentliggøres, når der er genereret en færdig PDF.")
        )
    report.status = StatusReport.Status.PUBLISHED
    report.published_rendition = rendition
    report.published_at = timezone.now()
    report.published_by = user
    report.save(update_fields=["status", "published_rendition", "published_at", "published_by"])
    return report


@transaction.atomic
def new_version(*, report, user=None) -> StatusReport:
    """A new draft that starts as a copy of a published report."""
    copy = StatusReport.objects.get(pk=report.pk)
    copy.pk = None
    copy.status = StatusReport.Status.DRAFT
    copy.version = report.version + 1
    copy.previous_version = report
    copy.published_rendition = None
    copy.published_at = None
    copy.published_by = None
    copy.save()
    FocusAreaNarrative.objects.bulk_create(
        FocusAreaNarrative(report=copy, focus_area_id=n.focus_area_id, text=n.text)
        for n in report.narratives.all()
    )
    for attachment in report.attachments.all():
        ReportAttachment.objects.create(
            report=copy,
            position=attachment.position,
            title=attachment.title,
            description=attachment.description,
            file=attachment.file.name if attachment.file else "",
            original_name=attachment.original_name,
            policy_version_id=attachment.policy_version_id,
            action_plan_id=attachment.action_plan_id,
        )
    return copy
