"""Status reports: most published with a finished rendition, a few drafts."""

import hashlib
from datetime import timedelta

from reports import builders
from reports.models import FocusAreaNarrative, Rendition, StatusReport

NARRATIVE = "Enhederne har arbejdet målrettet med at inddrage brugerne i årets beslutninger."


def _content(report, areas) -> str:
    # A stand-in for the assembled body: the archive and the detail page read it as stored.
    sections = "".join(
        f"<h2>{area.number}) {area.name}</h2><p>{NARRATIVE}</p>"
        f"<table><tr><th>Mål</th><th>Opfyldt</th></tr><tr><td>{10 + area.number}</td>"
        f"<td>{5 + area.number}</td></tr></table>"
        for area in areas
    )
    return f"<section><h2>Baggrund</h2><p>{report.background}</p></section>{sections}"


def generate(ctx):
    rng = ctx.rng
    committees, areas = ctx.objects["committees"], ctx.objects["focus_areas"]
    reports = []
    count = ctx.count("reports")
    for number in range(count):
        year = ctx.today.year - number // 2
        published = number % 4 != 3
        reports.append(
            builders.status_report(
                title=f"Status på brugerinddragelse {year}, del {number % 2 + 1} ({ctx.label})",
                period=f"{'medio' if number % 2 else 'ultimo'} {year}",
                year=year,
                committee=rng.choice(committees),
                date=ctx.today - timedelta(days=180 * number + rng.randint(0, 30)),
                background="Udvalget orienteres to gange om året om brugerinddragelsen.",
                status_intro="Status pr. fokusområde følger herunder.",
                method="Tallene er samlet fra enhedernes mål og handleplanernes initiativer.",
                status=StatusReport.Status.PUBLISHED if published else StatusReport.Status.DRAFT,
                published_at=ctx.moment(-180 * number, hour=9) if published else None,
            )
        )
    reports = ctx.bulk(StatusReport, reports, "reports")
    ctx.bulk(
        FocusAreaNarrative,
        [
            builders.focus_area_narrative(report=r, focus_area=a, text=NARRATIVE)
            for r in reports
            for a in areas
        ],
    )
    published = [report for report in reports if report.published_at]
    renditions = []
    for report in published:
        html = _content(report, areas)
        digest = hashlib.sha256(html.encode()).hexdigest()
        renditions.append(
            builders.rendition(
                report=report,
                status=Rendition.Status.DONE,
                content_html=html,
                source_checksum=digest,
                checksum=digest,
                page_count=rng.randint(8, 40),
                attempts=1,
                queued_at=report.published_at - timedelta(minutes=5),
                started_at=report.published_at - timedelta(minutes=4),
                finished_at=report.published_at - timedelta(minutes=3),
            )
        )
    for report, rendition in zip(published, ctx.bulk(Rendition, renditions), strict=True):
        report.published_rendition = rendition
    StatusReport.objects.bulk_update(published, ["published_rendition"])
