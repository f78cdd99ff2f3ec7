"""The PDF button under faults: broker down, worker killed, database dropped, double click."""

import socket
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.db import OperationalError, connections
from django.urls import reverse
from django.utils import timezone

from portal.celery import app
from reports import services
from reports.models import Rendition
from reports.pdf import render_pdf as real_render_pdf
from reports.tasks import render_rendition_task
from tests.concurrency import at_once
from tests.reports.factories import StatusReportFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def broker(settings):
    """A real (not eager) Celery producer pointed at a broker URL of the test's choosing."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        app.conf.update(broker_url=url, task_always_eager=False)
        app._pool = None
        app.amqp._producer_pool = None

    yield use
    app.conf.update(**saved)
    app._pool = None
    app.amqp._producer_pool = None


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_broker_down_tells_the_administrator_and_leaves_no_queued_row(
    client, administrator, broker
):
    broker(f"redis://127.0.0.1:{_closed_port()}/12")
    report = StatusReportFactory()
    client.force_login(administrator)
    response = client.post(reverse("reports:render", args=[report.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:manage", args=[report.pk])
    assert any("kunne ikke sættes i gang" in m and "Prøv igen" in m for m in _messages(response))
    assert not report.renditions.active().exists()
    rendition = report.renditions.get()
    assert rendition.status == Rendition.Status.FAILED
    assert "baggrundskøen" in rendition.error
    # The manage page shows the refusal too, not "I kø".
    page = client.get(reverse("reports:manage", args=[report.pk])).content.decode()
    assert "I kø" not in page


def test_broker_down_then_up_again_lets_the_next_click_start_a_render(
    client, administrator, broker
):
    broker(f"redis://127.0.0.1:{_closed_port()}/12")
    report = StatusReportFactory()
    client.force_login(administrator)
    client.post(reverse("reports:render", args=[report.pk]))
    broker("memory://")
    response = client.post(reverse("reports:render", args=[report.pk]))
    queued = report.renditions.get(status=Rendition.Status.QUEUED)
    assert response["Location"] == reverse("reports:rendition_status", args=[queued.pk])


def test_a_double_click_makes_one_rendition_and_lands_on_its_progress(
    client, administrator, broker
):
    broker("memory://")  # queued, never consumed: the first render is still under way
    report = StatusReportFactory()
    client.force_login(administrator)
    first = client.post(reverse("reports:render", args=[report.pk]))
    second = client.post(reverse("reports:render", args=[report.pk]))
    rendition = report.renditions.get()
    assert first["Location"] == second["Location"]
    assert second["Location"] == reverse("reports:rendition_status", args=[rendition.pk])
    assert any("allerede ved at blive genereret" in m for m in _messages(second))


def test_the_database_refuses_a_second_active_rendition():
    from django.db import IntegrityError, transaction

    report = StatusReportFactory()
    Rendition.objects.create(report=report, content_html="x", source_checksum="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Rendition.objects.create(
            report=report, content_html="x", source_checksum="x", status="rendering"
        )
    # Finished ones do not count.
    Rendition.objects.create(report=report, content_html="x", source_checksum="x", status="done")


@pytest.mark.skipif(
    not django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="concurrent requests need PostgreSQL's row locks",
)
def test_two_concurrent_clicks_make_one_rendition(broker):
    broker("memory://")
    report = StatusReportFactory()
    results = at_once(lambda: services.request_rendition(report=report).pk)
    assert len(results) == 2 and results[0] == results[1]
    assert report.renditions.count() == 1


def _rendition(report, **fields):
    return Rendition.objects.create(
        report=report, content_html="<p>x</p>", source_checksum="x", **fields
    )


def test_a_rendering_rendition_with_a_silent_heartbeat_is_failed_by_the_sweep(settings):
    settings.PORTAL_RENDITION_STALE_SECONDS = 60
    now = timezone.now()
    dead = _rendition(
        StatusReportFactory(),
        status=Rendition.Status.RENDERING,
        started_at=now - timedelta(seconds=90),
        heartbeat_at=now - timedelta(seconds=61),
    )
    alive = _rendition(
        StatusReportFactory(),
        status=Rendition.Status.RENDERING,
        started_at=now - timedelta(seconds=200),
        heartbeat_at=now - timedelta(seconds=5),
    )
    assert services.fail_stuck_renditions() == 1
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == Rendition.Status.FAILED
    assert "stoppede undervejs" in dead.error and "Prøv at generere den igen" in dead.error
    assert alive.status == Rendition.Status.RENDERING


def test_the_worker_beats_while_it_renders(settings):
    settings.PORTAL_RENDITION_HEARTBEAT_SECONDS = 1
    report = StatusReportFactory()
    seen = []

    def slow(*args, **kwargs):
        rendition = report.renditions.get()
        started = rendition.heartbeat_at
        time.sleep(2.5)
        rendition.refresh_from_db()
        seen.append(rendition.heartbeat_at - started)
        return real_render_pdf(*args, **kwargs)

    with mock.patch("reports.services.render_pdf", side_effect=slow):
        rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.DONE, rendition.error
    assert seen and seen[0] >= timedelta(seconds=1)


@pytest.mark.parametrize("status", [Rendition.Status.FAILED, Rendition.Status.DONE])
def test_a_redelivered_job_for_a_finished_rendition_does_nothing(status):
    report = StatusReportFactory()
    rendition = _rendition(report, status=status, attempts=1)
    if status == Rendition.Status.DONE:
        rendition.file.save("r.pdf", services.ContentFile(b"%PDF"), save=False)
        rendition.checksum = services.sha256(b"%PDF")
        rendition.save()
    with mock.patch("reports.services.render_pdf") as render:
        render_rendition_task.delay(rendition.pk)
    render.assert_not_called()
    rendition.refresh_from_db()
    assert rendition.status == status and rendition.attempts == 1


def test_a_redelivered_job_does_not_render_what_another_worker_is_rendering():
    report = StatusReportFactory()
    now = timezone.now()
    rendition = _rendition(
        report, status=Rendition.Status.RENDERING, started_at=now, heartbeat_at=now, attempts=1
    )
    with mock.patch("reports.services.render_pdf") as render:
        render_rendition_task.delay(rendition.pk)
    render.assert_not_called()
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.RENDERING and rendition.attempts == 1


def test_a_rendition_the_sweep_failed_meanwhile_is_not_marked_done():
    report = StatusReportFactory()
    real = services.render_pdf

    def swept_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        Rendition.objects.filter(report=report).update(status=Rendition.Status.FAILED)
        return result

    with mock.patch("reports.services.render_pdf", side_effect=swept_meanwhile):
        rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.FAILED


def _drop_connection_then_fail():
    """The database went away mid-render: the connection stays closed for every later query
    until Django opens a new one, as psycopg's does."""
    conn = connections["default"]
    real_cursor, real_close = conn.cursor, conn.close
    state = {"closed": False, "calls": 0}

    def cursor(*args, **kwargs):
        if state["closed"]:
            raise OperationalError("the connection is closed")
        return real_cursor(*args, **kwargs)

    def close():
        state["closed"] = False
        real_close()

    def render(*args, **kwargs):
        state["calls"] += 1
        if state["calls"] == 1:
            if conn.vendor == "postgresql":
                conn.connection.close()  # a real drop
            else:
                state["closed"] = True
            raise OperationalError("server closed the connection unexpectedly")
        return real_render_pdf(*args, **kwargs)

    return conn, cursor, close, render, state


def test_a_database_drop_during_a_render_is_retried_on_a_new_connection():
    report = StatusReportFactory()
    conn, cursor, close, render, state = _drop_connection_then_fail()
    with (
        mock.patch.object(conn, "cursor", cursor),
        mock.patch.object(conn, "close", close),
        mock.patch("reports.services.render_pdf", side_effect=render),
    ):
        rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    assert state["calls"] == 2
    assert rendition.status == Rendition.Status.DONE, rendition.error
    assert rendition.attempts == 2


def test_worker_settings_return_memory_and_match_the_visibility_timeout():
    assert (
        app.conf.worker_max_memory_per_child == django_settings.CELERY_WORKER_MAX_MEMORY_PER_CHILD
    )
    assert app.conf.worker_max_memory_per_child <= 500_000
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert app.conf.task_time_limit < visibility <= app.conf.task_time_limit + 120
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    sweep = app.conf.beat_schedule["fail-stuck-renditions"]["schedule"]
    assert sweep <= 60
    assert django_settings.PORTAL_RENDITION_STALE_SECONDS <= 120
    assert (
        django_settings.PORTAL_RENDITION_HEARTBEAT_SECONDS * 3
        <= django_settings.PORTAL_RENDITION_STALE_SECONDS
    )
