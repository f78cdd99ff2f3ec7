from tests.reports.factories import (
    DoneRenditionFactory,
    ReportAttachmentFactory,
    StatusReportFactory,
    published_report,
)


def extend(world):
    committee = world["committee"]
    draft = StatusReportFactory(title="Kladde til statusnotat", committee=committee)
    world.objects["draft_report"] = draft
    world.objects["draft_report_attachment"] = ReportAttachmentFactory(report=draft)
    world.objects["draft_rendition"] = DoneRenditionFactory(report=draft)
    published = published_report(title="Offentligt statusnotat", committee=committee)
    world.objects["published_report"] = published
    world.objects["published_report_attachment"] = ReportAttachmentFactory(report=published)
