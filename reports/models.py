from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_administrator
from actionplans.models import ActionPlan
from core.attachments import AttachmentBase, RandomUploadPath, attachment_file_field
from core.deletion import ProtectWhen
from organisation.models import Committee, FocusArea
from policies.models import PolicyVersion


class StatusReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=StatusReport.Status.PUBLISHED)

    def visible_to(self, user):
        """Published reports are public; drafts are the administrators'."""
        if is_administrator(user):
            return self.all()
        return self.published()


class StatusReport(models.Model):
    """A status note to the political committee (seed 000 is the model)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PUBLISHED = "published", _("Offentliggjort")

    title = models.CharField(_("titel"), max_length=250)
    period = models.CharField(_("periode"), max_length=100, help_text=_("Fx »medio 2007«."))
    year = models.PositiveSmallIntegerField(
        _("år for mål og initiativer"),
        help_text=_(
            "Status pr. fokusområde samles af enhedernes mål og handleplanernes initiativer for dette år."
        ),
    )
    committee = models.ForeignKey(
        Committee, verbose_name=_("udvalg"), on_delete=models.PROTECT, related_name="reports"
    )
    date = models.DateField(_("dato"))
    background = models.TextField(_("baggrund"), blank=True)
    status_intro = models.TextField(_("status – indledning"), blank=True)
    method = models.TextField(_("metode"), blank=True)
    development_projects = models.TextField(_("udviklingsprojekter"), blank=True)
    economy = models.TextField(_("økonomi"), blank=True)
    next_report = models.CharField(
        _("næste orientering"),
        max_length=200,
        blank=True,
        help_text=_("Hvornår udvalget orienteres næste gang, fx »medio 2008«."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous_version = models.ForeignKey(
        "self",
        verbose_name=_("forrige version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_versions",
    )
    published_rendition = models.OneToOneField(
        "Rendition",
        verbose_name=_("offentliggjort PDF"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_report",
    )
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    # A published report names who published it; that user cannot be deleted.
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offentliggjort af"),
        on_delete=ProtectWhen(models.SET_NULL, status="published"),
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("statusnotat")
        verbose_name_plural = _("statusnotater")
        ordering = ["-date", "-version", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class FocusAreaNarrative(models.Model):
    """The administrator's own words on one focus area, beside the assembled figures."""

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="narratives")
    focus_area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("tekst"), blank=True)

    class Meta:
        verbose_name = _("tekst pr. fokusområde")
        verbose_name_plural = _("tekster pr. fokusområde")
        constraints = [
            models.UniqueConstraint(fields=["report", "focus_area"], name="one_narrative_per_area")
        ]

    def __str__(self):
        return f"{self.report} – {self.focus_area}"


# Named here because the migrations refer to it by this name.
attachment_upload_to = RandomUploadPath("reports/bilag")


class ReportAttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(report__in=StatusReport.objects.visible_to(user))


class ReportAttachment(AttachmentBase):
    """A bilag, numbered Bilag 1, 2, … in the order of ``position``."""

    size_field = None

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="attachments")
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("titel"), max_length=250)
    description = models.TextField(_("beskrivelse"), blank=True)
    file = attachment_file_field(attachment_upload_to, blank=True)
    original_name = models.CharField(_("filnavn"), max_length=255, blank=True, editable=False)
    policy_version = models.ForeignKey(
        PolicyVersion,
        verbose_name=_("politik"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("handleplan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReportAttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    @property
    def filename(self):
        return self.display_name


ACTIVE_STATUSES = ("queued", "rendering")


class RenditionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A published report's PDF is public; every other PDF is the administrators'."""
        if is_administrator(user):
            return self.all()
        return self.filter(published_report__status=StatusReport.Status.PUBLISHED)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def silent(self, now=None):
        """Rendering, but no heartbeat for a while: the worker died (SIGKILL, OOM, lost host)."""
        now = now or timezone.now()
        stale = now - timezone.timedelta(seconds=settings.PORTAL_RENDITION_STALE_SECONDS)
        return self.filter(status=Rendition.Status.RENDERING, heartbeat_at__lt=stale)

    def stuck(self, now=None):
        """Renditions a dead worker left behind: past the task's hard time limit."""
        now = now or timezone.now()
        limit = timezone.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
        return self.filter(
            models.Q(status=Rendition.Status.RENDERING, started_at__lt=now - limit)
            | models.Q(status=Rendition.Status.QUEUED, queued_at__lt=now - 4 * limit)
        )


def rendition_upload_to(instance, filename):
    return f"reports/renditions/{instance.report_id}/{instance.pk}.pdf"


class Rendition(models.Model):
    """One PDF of one report version: the HTML it was made from, the file, its checksum."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RENDERING = "rendering", _("Genereres")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="renditions")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    # The exact content the PDF was made from; also the published HTML version.
    content_html = models.TextField()
    source_checksum = models.CharField(max_length=64)
    file = models.FileField(upload_to=rendition_upload_to, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    publish_when_done = models.BooleanField(default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    # Touched every few seconds while a worker renders; a silent one means the worker died.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = RenditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("PDF-udgave")
        verbose_name_plural = _("PDF-udgaver")
        ordering = ["-queued_at", "-pk"]
        constraints = [
            # A double click must not start a second 700 MB render of the same report.
            models.UniqueConstraint(
                fields=["report"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="one_active_rendition_per_report",
            )
        ]

    def __str__(self):
        return f"{self.report} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
