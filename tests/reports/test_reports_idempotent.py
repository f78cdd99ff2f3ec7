"""A second click on a report's state-changing buttons ends where the first one did."""

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.urls import reverse

from reports import services
from reports.models import StatusReport
from tests.concurrency import at_once
from tests.reports.factories import DoneRenditionFactory, StatusReportFactory, published_report


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_new_version_clicked_twice_makes_one_draft(client, administrator, world):
    report = world["published_report"]
    client.force_login(administrator)
    first = client.post(reverse("reports:new_version", args=[report.pk]))
    second = client.post(reverse("reports:new_version", args=[report.pk]))
    draft = StatusReport.objects.get(previous_version=report)
    assert first["Location"] == second["Location"] == reverse("reports:manage", args=[draft.pk])
    assert any("findes allerede som kladde" in m for m in _messages(second))


@pytest.mark.django_db
def test_new_version_of_a_version_already_superseded_continues_from_the_newest(
    administrator, world
):
    v1 = world["published_report"]
    v2 = services.new_version(report=v1)
    StatusReport.objects.filter(pk=v2.pk).update(status=StatusReport.Status.PUBLISHED)
    v3 = services.new_version(report=v1)
    assert v3.previous_version_id == v2.pk and v3.version == v1.version + 2
    versions = StatusReport.objects.filter(title=v1.title).values_list("version", flat=True)
    assert len(set(versions)) == len(versions), "no version number twice"


@pytest.mark.django_db
def test_publish_clicked_twice_ends_on_the_published_report(client, administrator):
    report = StatusReportFactory()
    rendition = DoneRenditionFactory(
        report=report, source_checksum=services.sha256(services.build_content(report))
    )
    client.force_login(administrator)
    first = client.post(reverse("reports:publish", args=[report.pk]))
    second = client.post(reverse("reports:publish", args=[report.pk]))
    target = reverse("reports:published_detail", args=[report.pk])
    assert first["Location"] == second["Location"] == target
    assert any("allerede offentliggjort" in m for m in _messages(second))
    assert client.get(target).status_code == 200
    report.refresh_from_db()
    assert report.published_rendition_id == rendition.pk


@pytest.mark.django_db
def test_publish_of_a_report_published_meanwhile_is_not_an_error(client, administrator):
    report = published_report()
    client.force_login(administrator)
    # The confirmation page opened before, the report published in another tab since.
    response = client.get(reverse("reports:publish", args=[report.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:published_detail", args=[report.pk])


@pytest.mark.skipif(
    not django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="concurrent requests need PostgreSQL's row locks",
)
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_new_version_requests_make_one_draft():
    report = published_report()
    results = at_once(lambda: services.new_version(report=report).pk)
    assert len(results) == 2 and results[0] == results[1]
    assert StatusReport.objects.filter(previous_version=report).count() == 1
