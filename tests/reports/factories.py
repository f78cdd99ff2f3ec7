import datetime

import factory
from django.core.files.base import ContentFile

from reports.models import Rendition, ReportAttachment, StatusReport
from tests.factories import BuilderFactory
from tests.organisation.factories import CommitteeFactory

# A minimal valid PDF: enough for file tests that need no real rendering.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class StatusReportFactory(BuilderFactory):
    class Meta:
        model = StatusReport

    title = factory.Sequence(lambda n: f"Brugerdemokrati – Status {n}")
    period = "medio 2010"
    year = 2010
    committee = factory.SubFactory(CommitteeFactory)
    date = datetime.date(2010, 6, 15)
    background = "Socialudvalget orienteres om **status**."
    method = "Metoden er beskrevet i bilag 2."
    development_projects = "To udviklingsprojekter."
    economy = "Finansieres inden for rammen."
    next_report = "medio 2011"


class ReportAttachmentFactory(BuilderFactory):
    class Meta:
        model = ReportAttachment

    report = factory.SubFactory(StatusReportFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Bilag-titel {n}")
    description = "Beskrivelse af bilaget."
    file = factory.LazyFunction(lambda: ContentFile(TINY_PDF, name="bilag.pdf"))


class DoneRenditionFactory(BuilderFactory):
    """A finished rendition without running WeasyPrint (for permission and view tests)."""

    class Meta:
        model = Rendition

    report = factory.SubFactory(StatusReportFactory)
    status = Rendition.Status.DONE
    content_html = "<h2>Baggrund</h2><p>Indhold</p>"
    source_checksum = "x"
    checksum = "y"
    page_count = 1
    file = factory.LazyFunction(lambda: ContentFile(TINY_PDF, name="rendition.pdf"))


def published_report(**kwargs):
    from django.utils import timezone

    report = StatusReportFactory(**kwargs)
    rendition = DoneRenditionFactory(report=report)
    report.status = StatusReport.Status.PUBLISHED
    report.published_rendition = rendition
    report.published_at = timezone.now()
    report.save()
    return report
