import pytest
from django.urls import reverse

from policies.models import GoalStatus
from reports import services
from tests.policies.factories import UnitGoalFactory
from tests.reports.factories import StatusReportFactory

pytestmark = pytest.mark.django_db(transaction=True)

IN_PROGRESS_ONE = 'scope="row">I gang</th><td class="num">1</td>'
MET_NONE = 'scope="row">Opfyldt</th><td class="num">0</td>'


def test_published_report_is_frozen_against_later_goal_changes(client):
    from tests.accounts.factories import AdministratorFactory

    goal = UnitGoalFactory(year=2011, title="Brugerne vælger temaer", status=GoalStatus.IN_PROGRESS)
    report = StatusReportFactory(year=2011)
    rendition = services.request_rendition(report=report)
    rendition.refresh_from_db()
    services.publish(report=report, rendition=rendition)
    assert IN_PROGRESS_ONE in rendition.content_html
    with rendition.file.open("rb") as handle:
        pdf_before = handle.read()

    goal.status = GoalStatus.MET
    goal.save()

    report.refresh_from_db()
    published = report.published_rendition
    assert published.checksum == rendition.checksum
    with published.file.open("rb") as handle:
        assert handle.read() == pdf_before
    public_html = client.get(reverse("reports:published_detail", args=[report.pk])).content.decode()
    assert "Brugerne vælger temaer" in public_html
    assert IN_PROGRESS_ONE in public_html and MET_NONE in public_html
    # The live preview of a draft would show the change; the published one does not.
    client.force_login(AdministratorFactory())
    preview = client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    assert IN_PROGRESS_ONE in preview and MET_NONE in preview
