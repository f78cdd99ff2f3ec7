"""Run by scripts/test-celery-worker.sh against a real worker on Redis and PostgreSQL."""

import io
import time
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from reports.demo import TITLE
from reports.models import Rendition, StatusReport

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _wait_for(rendition, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rendition.refresh_from_db()
        if rendition.is_finished:
            return rendition
        time.sleep(0.5)
    pytest.fail(f"rendition {rendition.pk} still {rendition.status} after {seconds}s")


def test_the_demo_report_is_rendered_and_published_by_the_worker():
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "this test needs a real broker"
    call_command("load_demo", "--force-insecure-demo", stdout=StringIO())
    report = StatusReport.objects.get(title=TITLE)
    rendition = _wait_for(report.renditions.get())
    assert rendition.status == Rendition.Status.DONE, rendition.error
    report.refresh_from_db()
    assert report.is_published and report.published_rendition_id == rendition.pk
    with rendition.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Økonomi" in text and "Bilag 4" in text
    assert reader.metadata.title == TITLE
