import pytest

from policies.models import PolicyVersion
from reports import services
from reports.models import Rendition
from tests.policies.factories import PolicyVersionFactory, UnitGoalFactory
from tests.reports.factories import ReportAttachmentFactory, StatusReportFactory

pytestmark = pytest.mark.django_db


def test_goals_under_a_draft_policy_never_reach_a_report(world):
    draft = PolicyVersionFactory(status=PolicyVersion.Status.DRAFT)
    UnitGoalFactory(year=2011, policy=draft, title="Internt udkast til mål")
    UnitGoalFactory(year=2011, title="Offentligt mål")
    content = services.build_content(StatusReportFactory(year=2011))
    assert "Offentligt mål" in content
    assert "Internt udkast til mål" not in content


def test_goals_of_other_years_are_left_out(world):
    UnitGoalFactory(year=2010, title="Mål fra 2010")
    content = services.build_content(StatusReportFactory(year=2011))
    assert "Mål fra 2010" not in content


def test_progress_partial_polls_until_finished(client, administrator, world):
    report = StatusReportFactory()
    rendition = Rendition.objects.create(report=report, content_html="x", source_checksum="x")
    client.force_login(administrator)
    url = f"/rapporter/administrer/pdf/{rendition.pk}/status/"
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "I kø" in partial and "hx-get" in partial
    assert "<html" not in partial and 'role="status"' not in partial
    rendition.status = Rendition.Status.FAILED
    rendition.error = "Noget gik galt"
    rendition.save()
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in partial and "Noget gik galt" in partial
    full = client.get(url).content.decode()
    assert 'role="status"' in full


def test_a_rendition_that_keeps_coming_back_is_failed_after_five_attempts(world):
    report = StatusReportFactory()
    rendition = Rendition.objects.create(
        report=report, content_html="x", source_checksum="x", attempts=services.MAX_ATTEMPTS
    )
    services.render_rendition(rendition.pk)
    rendition.refresh_from_db()
    assert rendition.status == Rendition.Status.FAILED
    assert "5 forsøg" in rendition.error


def test_deleting_a_bilag_removes_its_file_unless_a_newer_version_shares_it(
    client, administrator, world, django_capture_on_commit_callbacks
):
    report = StatusReportFactory()
    lonely = ReportAttachmentFactory(report=report)
    storage, name = lonely.file.storage, lonely.file.name
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/rapporter/administrer/bilag/{lonely.pk}/slet/")
    assert not storage.exists(name)

    shared = ReportAttachmentFactory(report=report)
    ReportAttachmentFactory(report=StatusReportFactory(), file=shared.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/rapporter/administrer/bilag/{shared.pk}/slet/")
    assert storage.exists(shared.file.name)


def test_uploaded_bilag_keeps_its_name_for_download_but_not_on_disk(client, administrator, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.reports.factories import TINY_PDF

    report = StatusReportFactory()
    client.force_login(administrator)
    client.post(
        f"/rapporter/administrer/{report.pk}/bilag/ny/",
        {
            "title": "Referat",
            "position": 1,
            "file": SimpleUploadedFile("Referat æøå.pdf", TINY_PDF),
        },
    )
    attachment = report.attachments.get()
    assert "æøå" not in attachment.file.name
    assert attachment.filename == "Referat æøå.pdf"
