import pytest

from councils.models import AgendaItem
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header_to_an_accessible_results_page(page, login, member, world):
    AgendaItem.objects.filter(pk=world["item"].pk).update(body="Brugerrådet drøfter åbningstider.")
    login(member)
    page.goto("/")
    box = page.get_by_role("search").get_by_label("Søg i portalen")
    box.fill("åbningstider")
    box.press("Enter")
    page.wait_for_url("**/soeg/?q=*")
    results = page.locator("main ol li")
    assert results.count() >= 1
    assert "Høring om åbningstider" in page.locator("main").inner_text()
    assert page.locator("main mark").count() >= 1
    assert_accessible(page)

    page.get_by_label("Type").select_option(label="Dagsordenspunkt")
    page.get_by_role("button", name="Søg", exact=True).last.click()
    assert_accessible(page)

    page.goto("/soeg/?q=zzzingenting")
    assert "Ingen resultater" in page.locator("main").inner_text()
    assert_accessible(page)
