import pytest

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_privacy_notice_is_accessible_and_linked_from_the_footer(page):
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Privatlivspolitik").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Privatlivspolitik"
    assert_accessible(page)


def test_mine_data_page_is_accessible(page, login, member):
    login(member)
    page.get_by_role("link", name="Mine data").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Mine data"
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent mine data (ZIP)").click()
    assert download.value.suggested_filename.endswith(".zip")


def test_pseudonymise_confirmation_is_accessible(page, login, administrator, world):
    login(administrator)
    page.goto(f"/privatliv/anonymiser/{world['colleague'].pk}/")
    assert_accessible(page)
