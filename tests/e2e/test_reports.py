import pytest

from reports.models import StatusReport
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_composes_renders_and_publishes(page, login, administrator, world):
    login(administrator)
    page.goto("/rapporter/administrer/ny/")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Brugerdemokrati – Status medio 2011")
    page.get_by_label("Periode").fill("medio 2011")
    page.get_by_label("År for mål og initiativer").fill("2011")
    page.get_by_label("Udvalg").select_option(label="Socialudvalget")
    page.get_by_label("Dato").fill("2011-06-20")
    page.get_by_label("Baggrund").fill("Socialudvalget orienteres om status.")
    page.get_by_label("Økonomi").fill("Inden for rammen.")
    page.get_by_role("button", name="Gem").click()
    report = StatusReport.objects.get(title="Brugerdemokrati – Status medio 2011")

    page.get_by_role("link", name="Forhåndsvisning").click()
    assert "Socialudvalget orienteres om status." in page.locator("main").inner_text()
    assert_accessible(page)
    page.go_back()

    page.get_by_role("button", name="Generér PDF").click()
    status = page.locator("[data-status]")
    status.filter(has_text="Færdig").wait_for(timeout=60_000)
    assert_accessible(page)

    page.goto(f"/rapporter/administrer/{report.pk}/")
    page.get_by_role("link", name="Offentliggør…").click()
    page.get_by_role("button", name="Ja, offentliggør").click()
    assert "offentliggjort" in page.locator("main").inner_text()

    page.context.clear_cookies()
    page.goto("/rapporter/")
    assert (
        page.get_by_role("link", name="Brugerdemokrati – Status medio 2011", exact=True).count()
        == 1
    )
    assert_accessible(page)
    page.get_by_role("link", name="Brugerdemokrati – Status medio 2011", exact=True).click()
    assert_accessible(page)


def test_progress_page_polls_from_queued_to_done(page, login, administrator, world):
    from reports.models import Rendition

    rendition = Rendition.objects.create(
        report=world["draft_report"], content_html="<p>x</p>", source_checksum="x"
    )
    login(administrator)
    page.goto(f"/rapporter/administrer/pdf/{rendition.pk}/status/")
    status = page.locator("[data-status]")
    assert status.inner_text() == "I kø"
    assert page.get_by_role("progressbar").count() == 1
    assert_accessible(page)
    # The worker finishes; the page notices by itself.
    Rendition.objects.filter(pk=rendition.pk).update(status=Rendition.Status.DONE, page_count=3)
    page.locator("[data-status='done']").wait_for(timeout=15_000)
    assert "Hent PDF (3 sider)" in page.locator("main").inner_text()
    assert page.get_by_role("status").count() == 1
    assert_accessible(page)
