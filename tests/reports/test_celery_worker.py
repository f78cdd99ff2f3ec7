"""Run by scripts/test-celery-worker.sh against a real worker on Redis and PostgreSQL."""

import io
import os
import signal
import subprocess
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader
from redis import Redis

from organisation.models import FocusArea
from reports import services
from reports.demo import TITLE
from reports.models import FocusAreaNarrative, Rendition, StatusReport
from tests.reports.factories import StatusReportFactory

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


def _worker_pgid():
    state = Path(os.environ["PORTAL_CELERY_WORKER_STATE"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            pid = int((state / "worker.pid").read_text().strip())
            os.kill(pid, 0)
        except (FileNotFoundError, ValueError, ProcessLookupError):
            time.sleep(0.2)
            continue
        pgid = os.getpgid(pid)
        assert pgid != os.getpgrp(), "the worker must run in its own process group"
        return pid, pgid
    pytest.fail("no running worker")


def _restart_worker(old_pid):
    subprocess.run(["bash", "scripts/test-celery-worker.sh", "--start-worker"], check=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pid, _pgid = _worker_pgid()
        if pid != old_pid:
            return
        time.sleep(0.5)
    pytest.fail("the worker did not come back")


def _big_report():
    """A report that takes WeasyPrint several seconds: long enough to be killed mid-render."""
    paragraph = "Brugerrådet har drøftet **tilbuddets** åbningstider og kost. " * 8
    report = StatusReportFactory(economy="\n\n".join([paragraph] * 1500))
    for area in FocusArea.objects.all():
        FocusAreaNarrative.objects.create(report=report, focus_area=area, text=paragraph * 20)
    return report


def test_a_worker_killed_mid_render_leaves_no_rendition_in_limbo():
    report = _big_report()
    rendition = services.request_rendition(report=report)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        rendition.refresh_from_db()
        if rendition.status != Rendition.Status.QUEUED:
            break
        time.sleep(0.05)
    assert rendition.status == Rendition.Status.RENDERING, rendition.status
    pid, pgid = _worker_pgid()
    os.killpg(pgid, signal.SIGKILL)  # the whole worker: parent, pool child, beat
    killed_at = time.monotonic()
    time.sleep(1)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.RENDERING, "killed before it finished"
    _restart_worker(pid)

    rendition = _wait_for(rendition, seconds=60)
    assert time.monotonic() - killed_at < 60
    if rendition.status == Rendition.Status.FAILED:
        assert "stoppede undervejs" in rendition.error, rendition.error
    # The message comes back after the visibility timeout and must change nothing now.
    settled = rendition.status
    redis = Redis.from_url(os.environ["CELERY_BROKER_URL"])
    deadline = (
        time.monotonic() + settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + 30
    )
    while time.monotonic() < deadline and redis.hlen("unacked"):
        time.sleep(1)
    assert not redis.hlen("unacked"), "the killed worker's message was never redelivered"
    time.sleep(3)
    rendition.refresh_from_db()
    assert rendition.status == settled

    # The restarted worker renders the next request as usual.
    report.economy = "Kort."
    report.save()
    FocusAreaNarrative.objects.filter(report=report).delete()
    again = _wait_for(services.request_rendition(report=report), seconds=120)
    assert again.status == Rendition.Status.DONE, again.error
