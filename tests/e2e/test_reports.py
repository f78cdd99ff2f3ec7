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
