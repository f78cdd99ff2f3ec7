"""A published status report and its bilag are frozen in the Django admin as in the portal."""

import pytest
from django.urls import reverse

from accounts.models import User
from reports.models import FocusAreaNarrative, ReportAttachment, StatusReport
from tests.accounts.factories import AdministratorFactory
from tests.adminform import change_url, delete_selected, delete_url, form_data
from tests.reports.factories import published_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def _snapshot(report):
    return {
        "report": StatusReport.objects.filter(pk=report.pk).values().get(),
        "attachments": list(ReportAttachment.objects.filter(report=report).order_by("pk").values()),
        "narratives": list(FocusAreaNarrative.objects.filter(report=report).values()),
    }


def test_published_report_page_is_read_only(admin_client, world):
    report = world["published_report"]
    body = admin_client.get(change_url(report)).content.decode()
    assert report.title in body
    for field in ['name="title"', 'name="status"', 'name="attachments-0-title"', 'name="_save"']:
        assert field not in body


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Omskrevet statusnotat"},
        {"status": StatusReport.Status.DRAFT},
        {"economy": "Andre tal."},
    ],
    ids=["title", "status", "text"],
)
def test_posted_change_of_a_published_report_is_refused(admin_client, world, changes):
    report = world["published_report"]
    before = _snapshot(report)
    response = admin_client.post(
        change_url(report), form_data(admin_client, change_url(report), **changes)
    )
    assert response.status_code == 403
    assert _snapshot(report) == before


def test_posted_bilag_of_a_published_report_are_refused(admin_client, world):
    report = world["published_report"]
    attachment = world["published_report_attachment"]
    before = _snapshot(report)
    data = form_data(admin_client, change_url(report))
    data.update(
        {
            "attachments-TOTAL_FORMS": "2",
            "attachments-INITIAL_FORMS": "1",
            "attachments-0-id": attachment.pk,
            "attachments-0-report": report.pk,
            "attachments-0-position": "1",
            "attachments-0-title": "Udskiftet bilag",
            "attachments-0-DELETE": "on",
            "attachments-1-report": report.pk,
            "attachments-1-position": "2",
            "attachments-1-title": "Sneget ind",
            "narratives-TOTAL_FORMS": "1",
            "narratives-INITIAL_FORMS": "0",
            "narratives-0-report": report.pk,
            "narratives-0-focus_area": _focus_area().pk,
            "narratives-0-text": "Efterrationaliseret tekst.",
        }
    )
    assert admin_client.post(change_url(report), data).status_code == 403
    assert _snapshot(report) == before


def _focus_area():
    from organisation.models import FocusArea

    return FocusArea.objects.order_by("number").first()


def test_published_report_cannot_be_deleted(admin_client, world):
    report = world["published_report"]
    before = _snapshot(report)
    assert admin_client.get(delete_url(report)).status_code == 403
    assert admin_client.post(delete_url(report), {"post": "yes"}).status_code == 403
    # "Delete selected": a refusal, or the page naming what may not go; nothing deleted.
    assert delete_selected(admin_client, [report, world["draft_report"]]).status_code in (200, 403)
    assert _snapshot(report) == before
    assert StatusReport.objects.filter(pk=world["draft_report"].pk).exists()


def test_draft_report_is_edited_in_the_admin_but_not_published_there(admin_client, world):
    report = world["draft_report"]
    data = form_data(admin_client, change_url(report), title="Ny titel", status="published")
    data["attachments-0-title"] = "Rettet bilag"
    assert admin_client.post(change_url(report), data).status_code == 302
    report.refresh_from_db()
    assert report.title == "Ny titel"
    # Publishing renders and checks the PDF first: only the portal does it.
    assert report.status == StatusReport.Status.DRAFT
    attachment = ReportAttachment.objects.get(pk=world["draft_report_attachment"].pk)
    assert attachment.title == "Rettet bilag"


def test_portal_refuses_a_published_report_by_the_same_rule(admin_client, world):
    report = world["published_report"]
    response = admin_client.post(
        reverse("reports:edit", args=[report.pk]), {"title": "Omskrevet"}, follow=True
    )
    assert "Rapporten er offentliggjort og kan ikke ændres." in response.content.decode()
    report.refresh_from_db()
    assert report.title == "Offentligt statusnotat"


def test_publisher_of_a_report_cannot_be_deleted(admin_client, world):
    publisher = AdministratorFactory()
    report = published_report(title="Offentliggjort af en kollega", published_by=publisher)
    response = admin_client.post(
        reverse("admin:accounts_user_delete", args=[publisher.pk]), {"post": "yes"}
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=publisher.pk).exists()
    report.refresh_from_db()
    assert report.published_by == publisher
