"""An administrator opens a hidden comment's text from the agenda; the pages stay accessible."""

import pytest
from playwright.sync_api import expect

from tests.councils.world import HIDDEN_MARKER
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_reads_a_hidden_text_on_its_own_page(page, login, world, administrator):
    login(administrator)
    page.goto(world["meeting"].get_absolute_url())
    entry = page.locator(f"#kommentar-{world['hidden_comment'].pk}")
    expect(entry).to_contain_text("Kommentaren er skjult af sekretæren")
    expect(entry).not_to_contain_text(HIDDEN_MARKER)
    assert_accessible(page)
    entry.get_by_role("link", name="Vis skjult tekst").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skjult kommentar")
    expect(page.locator("main")).to_contain_text(HIDDEN_MARKER)
    assert_accessible(page)


def test_a_reply_into_a_hidden_thread_explains_why(page, login, world, member):
    login(member)
    page.goto(f"/raad/punkt/{world['item2'].pk}/kommentar/?svar={world['reply_to_hidden'].pk}")
    expect(page.locator("main")).to_contain_text("så der kan ikke svares")
    expect(page.locator("main")).not_to_contain_text(HIDDEN_MARKER)
    assert_accessible(page)
