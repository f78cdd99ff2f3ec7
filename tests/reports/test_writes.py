"""Writes of the reports administration go through reports.services, one transaction each:
a failure part-way leaves nothing half-written; a GET writes nothing."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from organisation.models import FocusArea
from reports import services
from reports.models import FocusAreaNarrative, Rendition
from tests.reports.factories import StatusReportFactory

pytestmark = pytest.mark.django_db


def _areas(world, n=3):
    areas = list(FocusArea.objects.order_by("number")[:n])
    assert len(areas) == n, "the world has focus areas"
    return areas


def _narrative_data(areas, text):
    return {f"area{area.pk}-text": f"{text} {area.number}" for area in areas}


def test_narratives_are_saved_all_or_none(client, administrator, world):
    report = StatusReportFactory()
    areas = _areas(world)
    client.force_login(administrator)
    url = reverse("reports:narratives", args=[report.pk])
    real_save = FocusAreaNarrative.save
    calls = []

    def third_save_fails(self, *args, **kwargs):
        calls.append(self.focus_area_id)
        if len(calls) == 3:
            raise DatabaseError("connection lost")
        return real_save(self, *args, **kwargs)

    with (
        mock.patch.object(FocusAreaNarrative, "save", third_save_fails),
        pytest.raises(DatabaseError),
    ):
        client.post(url, _narrative_data(areas, "Tekst"))
    assert len(calls) == 3  # two had been saved when the third failed
    assert not FocusAreaNarrative.objects.filter(report=report).exists()

    assert client.post(url, _narrative_data(areas, "Tekst")).status_code == 302
    assert FocusAreaNarrative.objects.filter(report=report, text__startswith="Tekst").count() >= 3


def test_a_report_published_meanwhile_keeps_its_fields(administrator, world):
    report = StatusReportFactory(title="Før")
    stale = type(report).objects.get(pk=report.pk)
    type(report).objects.filter(pk=report.pk).update(status="published")
    stale.title = "Efter"
    with pytest.raises(services.ReportError):
        services.save_report(report=stale)
    assert type(report).objects.get(pk=report.pk).title == "Før"


def test_narratives_of_a_report_published_meanwhile_are_refused(world):
    report = StatusReportFactory()
    area = _areas(world, 1)[0]
    type(report).objects.filter(pk=report.pk).update(status="published")
    with pytest.raises(services.ReportError):
        services.save_narratives(
            report=report,
            narratives=[FocusAreaNarrative(report=report, focus_area=area, text="Sent")],
        )
    assert not FocusAreaNarrative.objects.filter(report=report).exists()


def test_the_status_page_of_a_dead_workers_pdf_writes_nothing(client, administrator, settings):
    rendition = Rendition.objects.create(
        report=StatusReportFactory(),
        content_html="<p>x</p>",
        source_checksum="x",
        status=Rendition.Status.RENDERING,
        started_at=timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 120),
    )
    client.force_login(administrator)
    page = client.get(reverse("reports:rendition_status", args=[rendition.pk]))
    assert page.status_code == 200
    # The page says what the sweep will record…
    assert "tidsgrænsen" in page.content.decode()
    rendition.refresh_from_db()
    # …but the row is the sweep's (the beat task) to change, not a GET's.
    assert rendition.status == Rendition.Status.RENDERING
    assert services.fail_stuck_renditions() == 1
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.FAILED
