"""A member's tasks in a real browser: the start page leads to the next meeting in a few Tab
stops, the comment page opens in the text field, and a form with errors says so and takes
the focus to its error summary."""

import pytest
from django.urls import reverse

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_next_meeting_is_three_tab_stops_from_the_skip_link(page, login, member, world, width):
    page.set_viewport_size({"width": width, "height": 844})
    login(member)
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").find("skip-link") >= 0
    page.keyboard.press("Enter")
    first_meeting = page.locator("#councils-panel-heading ~ ul a").first.get_attribute("href")
    reached = None
    for stop in range(1, 4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == first_meeting:
            reached = stop
            break
    assert reached is not None, "the next meeting is more than 3 Tab stops from the skip link"
    assert_accessible(page)


def test_comment_page_opens_with_the_focus_in_the_text_field(page, login, member, world):
    login(member)
    page.goto(reverse("councils:comment_create", args=[world["item"].pk]))
    assert page.evaluate("document.activeElement.id") == "id_text"


def test_form_errors_take_the_focus_to_the_summary_and_link_to_the_field(
    page, login, member, world
):
    login(member)
    page.goto(reverse("councils:comment_create", args=[world["item"].pk]))
    page.get_by_role("button", name="Send kommentar").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fejl: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    summary = page.locator("[data-error-summary]")
    assert "Der er fejl i formularen" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_text"
    described = page.locator("#id_text").get_attribute("aria-describedby").split()
    assert "id_text_error" in described and "id_text_counter" in described
    assert_accessible(page)


def test_login_errors_use_the_same_pattern(page, member):
    page.goto("/konto/login/")
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label("Adgangskode").fill("forkert-kodeord")
    page.get_by_role("button", name="Log ind").last.click()
    page.wait_for_load_state()
    assert page.title().startswith("Fejl: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)


@pytest.mark.parametrize("width", [320, 1280])
def test_meeting_page_and_start_page_pass_axe(page, login, member, world, width):
    page.set_viewport_size({"width": width, "height": 800})
    login(member)
    for path in ["/", world["meeting"].get_absolute_url()]:
        page.goto(path)
        assert_accessible(page)
