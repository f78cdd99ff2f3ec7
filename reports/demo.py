"""The status note of seed 000 (reports/demo.toml), assembled from the demo goals and initiatives."""

from core.demo import demo_data, ensure
from organisation.models import FocusArea
from reports.models import FocusAreaNarrative, ReportAttachment, StatusReport

TITLE = demo_data("reports")["report"]["title"]


def load(ctx):
    row = demo_data("reports")["report"]
    report, created = ensure(
        StatusReport,
        {"title": row["title"], "version": row["version"]},
        committee=ctx.objects["committee"],
        **ctx.fields(StatusReport, row, skip={"title", "version", "narratives", "attachments"}),
    )
    ctx.objects["report"] = report
    if created:
        narratives = {int(number): text for number, text in row["narratives"].items()}
        for area in FocusArea.objects.filter(number__in=narratives):
            ensure(
                FocusAreaNarrative,
                {"report": report, "focus_area": area},
                text=narratives[area.number],
            )
        for position, attachment in enumerate(row["attachments"], start=1):
            ensure(ReportAttachment, {"report": report, "position": position}, **attachment)


def after_commit(ctx):
    """Queues the PDF (published when done), once: a second load_demo changes nothing."""
    from reports.services import request_rendition

    report = ctx.objects["report"]
    if not report.renditions.exists():
        request_rendition(report=report, user=ctx.users["administrator"], publish_when_done=True)
