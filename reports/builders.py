"""Builders for reports (see core/builders.py)."""

from core.builders import build, builds
from reports.models import FocusAreaNarrative, Rendition, ReportAttachment, StatusReport


@builds(StatusReport)
def status_report(**fields) -> StatusReport:
    """Needs ``title``, ``period``, ``year``, ``committee`` and ``date``; a draft."""
    return build(StatusReport, fields)


@builds(FocusAreaNarrative)
def focus_area_narrative(**fields) -> FocusAreaNarrative:
    """Needs ``report`` and ``focus_area``."""
    return build(FocusAreaNarrative, fields)


@builds(ReportAttachment)
def report_attachment(**fields) -> ReportAttachment:
    """Needs ``report`` and ``title``."""
    return build(ReportAttachment, fields)


@builds(Rendition)
def rendition(**fields) -> Rendition:
    """Needs ``report``, ``content_html`` and ``source_checksum``; queued now."""
    return build(Rendition, fields)
