"""Composing, rendering, publishing and versioning status reports."""

import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, connections, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from core.files import atomic_with_files, delete_files_on_commit
from reports.assembly import assemble
from reports.models import FocusAreaNarrative, Rendition, ReportAttachment, StatusReport
from reports.pdf import render_pdf, sha256

logger = logging.getLogger(__name__)


class ReportError(Exception):
    """A request that cannot be carried out; the message is for the administrator."""


class AlreadyPublished(ReportError):
    """A second "Offentliggør" (double click, back button): the first one did the job."""


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


def _silent_error():
    return _(
        "Baggrundsprocessen, der genererede PDF'en, stoppede undervejs. Prøv at generere den igen."
    )


def _stuck_error():
    return _(
        "PDF'en blev ikke færdig inden for tidsgrænsen – baggrundsprocessen stoppede "
        "måske undervejs. Prøv at generere den igen."
    )


def fail_stuck_renditions() -> int:
    """Marks as failed what a dead worker left queued or rendering (the beat's sweep)."""
    now = timezone.now()
    silent = Rendition.objects.silent(now).update(
        status=Rendition.Status.FAILED, finished_at=now, error=_silent_error()
    )
    return silent + Rendition.objects.stuck(now).update(
        status=Rendition.Status.FAILED, finished_at=now, error=_stuck_error()
    )


def as_swept(rendition: Rendition) -> Rendition:
    """The rendition as the sweep will leave it, without writing: a status page (a GET)
    shows a dead worker's rendition as failed at once, and the beat's sweep records it."""
    if rendition.is_finished:
        return rendition
    now = timezone.now()
    same = Rendition.objects.filter(pk=rendition.pk)
    for queryset, error in ((same.silent(now), _silent_error), (same.stuck(now), _stuck_error)):
        if queryset.exists():
            rendition.status = Rendition.Status.FAILED
            rendition.finished_at = now
            rendition.error = error()
            break
    return rendition


class RenditionNotStarted(ReportError):
    """The queue (broker) could not be reached: nothing will render this rendition."""


def request_rendition(*, report, user=None, publish_when_done=False) -> Rendition:
    """Snapshots the report's content and queues its PDF; returns at once.

    A report has at most one queued or rendering rendition: a second request (a
    double click) gets the one already under way, marked ``already_active``.
    """
    fail_stuck_renditions()
    try:
        with transaction.atomic():
            # The report's row lock makes concurrent requests take turns; the partial
            # unique constraint catches what the lock cannot (SQLite, admin writes).
            report = StatusReport.objects.select_for_update().get(pk=report.pk)
            if report.is_published:
                raise ReportError(_("Rapporten er offentliggjort og kan ikke genereres igen."))
            active = report.renditions.active().first()
            if active is not None:
                active.already_active = True
                return active
            content = build_content(report)
            rendition = Rendition.objects.create(
                report=report,
                content_html=content,
                source_checksum=sha256(content),
                requested_by=user,
                publish_when_done=publish_when_done,
            )
    except IntegrityError:
        active = report.renditions.active().first()
        if active is None:
            raise
        active.already_active = True
        return active
    rendition.already_active = False
    if transaction.get_connection().in_atomic_block:
        # The caller's transaction is still open: the worker must not look for the row
        # before it exists. A broker failure then fails the rendition, visibly.
        transaction.on_commit(lambda: _enqueue(rendition.pk, raise_error=False))
    else:
        _enqueue(rendition.pk, raise_error=True)
    return rendition


BROKER_ERRORS = (KombuOperationalError, OSError)


def _enqueue(rendition_id: int, *, raise_error: bool) -> None:
    """Sends the job, after the row is committed. Without a broker the row is failed at
    once, instead of showing "I kø" until the sweep gives up on it."""
    from reports.tasks import render_rendition_task

    try:
        render_rendition_task.apply_async((rendition_id,))
    except BROKER_ERRORS as exc:
        logger.exception("Could not queue rendition %s", rendition_id)
        message = _(
            "PDF'en kunne ikke sættes i gang, fordi baggrundskøen ikke svarer lige nu. "
            "Prøv igen om lidt."
        )
        mark_failed(rendition_id, message)
        if raise_error:
            raise RenditionNotStarted(message) from exc


MAX_ATTEMPTS = 5


def render_rendition(rendition_id: int) -> Rendition | None:
    """The worker's job. Idempotent: a finished rendition is left as it is, and a
    rendition another worker is visibly still rendering (fresh heartbeat) is not
    rendered a second time."""
    # A message redelivered again and again (a worker that keeps dying) must end somewhere.
    Rendition.objects.filter(pk=rendition_id, attempts__gte=MAX_ATTEMPTS).exclude(
        status=Rendition.Status.DONE
    ).update(
        status=Rendition.Status.FAILED,
        finished_at=timezone.now(),
        error=_("PDF'en kunne ikke genereres efter %(n)s forsøg.") % {"n": MAX_ATTEMPTS},
    )
    now = timezone.now()
    stale = now - timezone.timedelta(seconds=settings.PORTAL_RENDITION_STALE_SECONDS)
    claimed = (
        Rendition.objects.filter(pk=rendition_id)
        .filter(
            Q(status=Rendition.Status.QUEUED)
            | Q(status=Rendition.Status.RENDERING, heartbeat_at__lt=stale)
            | Q(status=Rendition.Status.RENDERING, heartbeat_at__isnull=True)
        )
        .update(
            status=Rendition.Status.RENDERING,
            started_at=now,
            heartbeat_at=now,
            attempts=F("attempts") + 1,
        )
    )
    rendition = Rendition.objects.select_related("report").filter(pk=rendition_id).first()
    if rendition is None:
        return None
    if not claimed:
        if rendition.status == Rendition.Status.DONE and not _file_intact(rendition):
            return _render_and_store(rendition)
        return rendition
    with heartbeat(rendition_id):
        return _render_and_store(rendition)


def beat(rendition_id: int) -> None:
    Rendition.objects.filter(pk=rendition_id, status=Rendition.Status.RENDERING).update(
        heartbeat_at=timezone.now()
    )


@contextmanager
def heartbeat(rendition_id: int):
    """Touches the rendition every few seconds from a thread while WeasyPrint works."""
    stop = threading.Event()

    def run():
        try:
            while not stop.wait(settings.PORTAL_RENDITION_HEARTBEAT_SECONDS):
                try:
                    beat(rendition_id)
                except DatabaseError:
                    # A missed beat is harmless unless the database stays away past the
                    # stale limit; then failing the rendition is the right outcome.
                    logger.warning("Heartbeat of rendition %s missed", rendition_id)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name=f"heartbeat-{rendition_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


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
    # Only a rendition still ours is marked done: the sweep may have failed it meanwhile.
    stored = (
        Rendition.objects.filter(pk=rendition.pk)
        .exclude(status=Rendition.Status.FAILED)
        .update(
            file=rendition.file.name,
            checksum=rendition.checksum,
            page_count=pages,
            status=Rendition.Status.DONE,
            finished_at=rendition.finished_at,
            error="",
        )
    )
    if not stored:
        rendition.refresh_from_db()
        return rendition
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


def _locked_draft(report_id: int) -> StatusReport:
    report = StatusReport.objects.select_for_update().get(pk=report_id)
    if report.is_published:
        raise ReportError(
            _(
                "Rapporten er offentliggjort og kan ikke ændres. Opret en ny version for at ændre den."
            )
        )
    return report


def _unshared(name: str, *, but=None) -> bool:
    """Versions of a report share their bilag's files; a file goes when the last row does."""
    others = ReportAttachment.objects.filter(file=name)
    if but is not None:
        others = others.exclude(pk=but)
    return bool(name) and not others.exists()


@transaction.atomic
def create_report(*, report: StatusReport) -> StatusReport:
    report.save()
    return report


@transaction.atomic
def save_report(*, report: StatusReport) -> StatusReport:
    """Saves a draft's fields; a report published meanwhile refuses (ReportError)."""
    _locked_draft(report.pk)
    report.save()
    return report


@transaction.atomic
def save_narratives(*, report: StatusReport, narratives) -> None:
    """The texts per focus area, all of them or none (a failure part-way writes nothing)."""
    _locked_draft(report.pk)
    for narrative in narratives:
        narrative.report = report
        narrative.save()


def save_attachment(*, attachment: ReportAttachment) -> ReportAttachment:
    """Stores a bilag's row and any new file together: a failed row leaves no file behind,
    and a replaced file is deleted only once the new row has committed."""
    with atomic_with_files() as stored:
        _locked_draft(attachment.report_id)
        old = ""
        if attachment.pk:
            old = (
                ReportAttachment.objects.filter(pk=attachment.pk)
                .values_list("file", flat=True)
                .first()
                or ""
            )
        if attachment.file and not attachment.file._committed:
            upload = attachment.file.file
            stored.save(attachment.file, upload.name, upload)
        attachment.save()
        if old and old != attachment.file.name and _unshared(old, but=attachment.pk):
            delete_files_on_commit((attachment.file.storage, old))
    return attachment


@transaction.atomic
def delete_attachment(*, attachment) -> None:
    """Deletes a bilag, and its file once no other version of the report still uses it."""
    _locked_draft(attachment.report_id)
    name = attachment.file.name if attachment.file else ""
    attachment.delete()
    if _unshared(name):
        delete_files_on_commit(attachment.file)


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
        raise AlreadyPublished(_("Rapporten er allerede offentliggjort."))
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
    """A new draft that starts as a copy of a published report.

    Once per published report: a second request (a double click, two tabs) waits
    for the first on the row lock and gets its draft, marked ``already_existed``.
    """
    report = StatusReport.objects.select_for_update().get(pk=report.pk)
    existing = report.next_versions.order_by("-pk").first()
    if existing is not None and not existing.is_published:
        existing.already_existed = True
        return existing
    if existing is not None:
        # The next version is published already: a new draft follows on from that one,
        # so the archive never lists the same version number twice.
        return new_version(report=existing, user=user)
    copy = StatusReport.objects.get(pk=report.pk)
    copy.already_existed = False
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
