import pytest

from tests.e2e.axe import assert_accessible, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/konto/login/", "/tilgaengelighed/"]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_axe_violations(page, path, language):
    page.goto("/")
    if language != "da":
        page.get_by_label("Sprog").select_option(language)
        page.get_by_role("button", name="Skift").click()
        page.wait_for_load_state()
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_axe_helper_reports_a_real_violation(page):
    """The helper must be able to fail: an image without alt text is a violation."""
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )
    ids = {v["id"] for v in axe_violations(page)}
    assert "image-alt" in ids


def test_caseworker_logs_in_and_sees_name_and_role(page, login, caseworker):
    login(caseworker)
    header = page.locator("header")
    assert caseworker.full_name in header.inner_text()
    assert "Sagsbehandler" in header.inner_text()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused


def test_wrong_password_gives_danish_error(page, member):
    page.goto("/konto/login/")
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label("Adgangskode").fill("forkert-kodeord")
    page.get_by_role("button", name="Log ind").last.click()
    assert "ikke korrekt" in page.locator("main").inner_text()
