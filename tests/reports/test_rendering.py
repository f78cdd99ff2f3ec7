import io
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from pypdf import PdfReader

from organisation.models import FocusArea
from reports import services
from reports.models import Rendition
from reports.tasks import render_rendition_task
from tests.reports.factories import ReportAttachmentFactory, StatusReportFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _pdf_text(rendition):
    with rendition.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def report(db):
    report = StatusReportFactory(
        title="Brugerdemokrati og selvforvaltning – Status medio 2007", economy="Økonomien holder."
    )
    ReportAttachmentFactory(report=report, position=1, title="Statusbeskrivelse")
    ReportAttachmentFactory(report=report, position=2, title="Metode")
    return report


def test_render_makes_a_tagged_danish_pdf_with_every_focus_area(report):
    rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.DONE, rendition.error
    reader, text = _pdf_text(rendition)
    assert report.title in text.replace("\n", " ")
    assert "Økonomi" in text
    assert "Bilag 1" in text and "Bilag 2" in text
    for area in FocusArea.objects.all():
        assert area.name in text
    assert "Side 1 af" in text
    assert reader.metadata.title == report.title
    assert reader.trailer["/Root"]["/Lang"] == "da"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF must be tagged"
    assert rendition.page_count == len(reader.pages)


def test_running_the_task_twice_leaves_one_file_with_one_checksum(report, settings):
    rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    first_checksum, first_name = rendition.checksum, rendition.file.name
    # Force a genuine second render of the same rendition.
    Rendition.objects.filter(pk=rendition.pk).update(status=Rendition.Status.QUEUED)
    render_rendition_task.delay(rendition.pk)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.DONE
    assert rendition.checksum == first_checksum
    assert rendition.file.name == first_name
    folder = settings.MEDIA_ROOT / "reports" / "renditions" / str(report.pk)
    assert [p.name for p in folder.iterdir()] == [f"{rendition.pk}.pdf"]
    # A finished rendition run again is left alone.
    render_rendition_task.delay(rendition.pk)
    rendition.refresh_from_db()
    assert rendition.checksum == first_checksum and rendition.attempts == 2


def test_a_task_that_raises_leaves_the_rendition_failed_with_the_message(report):
    with mock.patch("reports.services.render_pdf", side_effect=ValueError("ugyldig CSS")):
        rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.FAILED
    assert "ugyldig CSS" in rendition.error


def test_transient_errors_are_retried(report):
    calls = {"n": 0}
    real = services.render_pdf

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk briefly unavailable")
        return real(*args, **kwargs)

    with mock.patch("reports.services.render_pdf", side_effect=flaky):
        rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    assert calls["n"] == 2
    assert rendition.status == Rendition.Status.DONE


def test_a_rendition_stuck_past_the_time_limit_is_marked_failed(report, settings, client):
    rendition = Rendition.objects.create(
        report=report,
        content_html="<p>x</p>",
        source_checksum="x",
        status=Rendition.Status.RENDERING,
        started_at=timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 120),
    )
    fresh = Rendition.objects.create(
        report=StatusReportFactory(),
        content_html="<p>x</p>",
        source_checksum="x",
        status=Rendition.Status.RENDERING,
        started_at=timezone.now(),
    )
    assert services.fail_stuck_renditions() == 1
    rendition.refresh_from_db()
    fresh.refresh_from_db()
    assert rendition.status == Rendition.Status.FAILED
    assert "tidsgrænsen" in rendition.error
    assert fresh.status == Rendition.Status.RENDERING


def test_markdown_sections_are_sanitised(report):
    report.background = "Tekst <script>alert('x')</script> [link](javascript:alert(1))"
    report.save()
    content = services.build_content(report)
    assert "<script" not in content
    assert "javascript:" not in content
