import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import ReportAttachment, StatusReport
from tests.reports.factories import StatusReportFactory, published_report

pytestmark = pytest.mark.django_db


def _valid_report_data(committee, **overrides):
    data = {
        "title": "Status medio 2011",
        "period": "medio 2011",
        "year": "2011",
        "committee": committee.pk,
        "date": "2011-06-20",
        "background": "Baggrund",
        "economy": "Inden for rammen",
    }
    data.update(overrides)
    return data


def test_administrator_creates_a_report(client, administrator, world):
    client.force_login(administrator)
    response = client.post(reverse("reports:create"), _valid_report_data(world["committee"]))
    report = StatusReport.objects.get(title="Status medio 2011")
    assert response["Location"] == reverse("reports:manage", args=[report.pk])
    assert report.status == StatusReport.Status.DRAFT


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Dette felt er påkrævet."),
        ({"year": "1999"}, "Året skal ligge mellem 2000 og 2100."),
        ({"date": "31-02-2011"}, "Indtast en gyldig dato."),
    ],
)
def test_bad_input_gives_danish_messages_and_stores_nothing(
    client, administrator, world, overrides, message
):
    client.force_login(administrator)
    before = StatusReport.objects.count()
    response = client.post(
        reverse("reports:create"), _valid_report_data(world["committee"], **overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert StatusReport.objects.count() == before


def test_attachment_with_exe_content_is_refused(client, administrator, world):
    report = world["draft_report"]
    client.force_login(administrator)
    fake = SimpleUploadedFile("bilag.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    before = ReportAttachment.objects.count()
    response = client.post(
        reverse("reports:attachment_add", args=[report.pk]),
        {"title": "Bilag", "position": 5, "file": fake},
    )
    assert "Filtypen er ikke tilladt" in response.content.decode()
    assert ReportAttachment.objects.count() == before


def test_bilag_are_numbered_in_order(administrator, world, client):
    report = StatusReportFactory(committee=world["committee"])
    for position, title in [(20, "Metode"), (10, "Statusbeskrivelse")]:
        ReportAttachment.objects.create(
            report=report, position=position, title=title, description="x"
        )
    client.force_login(administrator)
    html = client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    html = html[html.index('id="bilag"') :]
    assert (
        html.index("Bilag 1")
        < html.index("Statusbeskrivelse")
        < html.index("Bilag 2")
        < html.index("Metode")
    )


def test_published_report_cannot_be_edited(client, administrator, world):
    report = world["published_report"]
    client.force_login(administrator)
    response = client.post(
        reverse("reports:edit", args=[report.pk]),
        _valid_report_data(world["committee"], title="Ændret"),
        follow=True,
    )
    report.refresh_from_db()
    assert report.title != "Ændret"
    assert "kan ikke ændres" in response.content.decode()


def test_publish_requires_a_finished_rendition(client, administrator, world):
    report = StatusReportFactory(committee=world["committee"])
    client.force_login(administrator)
    response = client.post(reverse("reports:publish", args=[report.pk]), follow=True)
    report.refresh_from_db()
    assert not report.is_published
    assert (
        "Generér en ny PDF" in response.content.decode()
        or "færdig PDF" in response.content.decode()
    )


def test_new_version_copies_a_published_report(client, administrator, world):
    report = world["published_report"]
    client.force_login(administrator)
    client.post(reverse("reports:new_version", args=[report.pk]))
    copy = StatusReport.objects.get(previous_version=report)
    assert copy.version == report.version + 1
    assert copy.status == StatusReport.Status.DRAFT
    assert copy.attachments.count() == report.attachments.count()


def test_archive_lists_newest_first_and_only_published(client, world):
    older = world["published_report"]
    newer = published_report(title="Nyere statusnotat", committee=world["committee"])
    html = client.get(reverse("reports:archive")).content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert world["draft_report"].title not in html


def test_archive_query_count_is_constant(client, world, django_assert_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (3, 30):
        for n in range(size):
            published_report(title=f"Notat {size}-{n}", committee=world["committee"])
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("reports:archive"))
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 4


def test_drafts_files_are_not_reachable_through_media_urls(client, world):
    rendition = world["draft_rendition"]
    response = client.get("/media/" + rendition.file.name)
    assert response.status_code == 404


def test_bilag_can_link_to_a_public_policy_and_action_plan(client, administrator, world):
    report = world["draft_report"]
    policy_version = world["policy"]
    plan = world["plan"]
    client.force_login(administrator)
    response = client.post(
        reverse("reports:attachment_add", args=[report.pk]),
        {
            "title": "Politik og plan",
            "position": 3,
            "policy_version": policy_version.pk,
            "action_plan": plan.pk,
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    assert f"/politikker/version/{policy_version.pk}/" in html
    assert f"/handleplaner/{plan.pk}/" in html


def test_bilag_cannot_link_to_a_draft_action_plan(client, administrator, world):
    report = world["draft_report"]
    client.force_login(administrator)
    before = report.attachments.count()
    response = client.post(
        reverse("reports:attachment_add", args=[report.pk]),
        {"title": "Kladde", "position": 3, "action_plan": world["draft_plan"].pk},
    )
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert report.attachments.count() == before
