"""Chromium enforces the Content-Security-Policy: the pages load and work without a single
violation (no "Refused to …" in the console, no securitypolicyviolation event)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.accounts.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Added by Playwright itself, so it runs whatever the page's CSP says.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(browser, live_server):
    """A logged-in page that records CSP and Permissions-Policy complaints."""
    contexts = []

    def _watched(user):
        context = browser.new_context(base_url=live_server.url, locale="da-DK")
        context.set_default_timeout(15_000)
        context.add_init_script(RECORD_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        page.complaints = []

        def _console(message):
            text = message.text
            if (
                "Refused to" in text
                or "Content Security Policy" in text
                or "Permissions-Policy" in text
            ):
                page.complaints.append(text)

        page.on("console", _console)
        if user is not None:
            page.goto("/konto/login/")
            page.get_by_label("E-mail").fill(user.email)
            page.get_by_label("Adgangskode").fill(TEST_PASSWORD)
            page.get_by_role("button", name="Log ind").last.click()
            page.wait_for_load_state()
        return page

    yield _watched
    for context in contexts:
        context.close()


def _assert_no_violations(page):
    page.wait_for_load_state("networkidle")
    recorded = page.evaluate("window.__cspViolations")
    assert not recorded and not page.complaints, (
        f"CSP violations on {page.url}: {recorded} {page.complaints}"
    )


def test_meeting_page_loads_without_csp_violations(watched, world):
    meeting = world["meeting"]
    for role in ("member", "secretary", "administrator"):
        page = watched(world.users[role])
        response = page.goto(meeting.get_absolute_url())
        assert "script-src 'self'" in response.headers["content-security-policy"]
        expect(page.locator("h1")).to_have_text(meeting.title)
        _assert_no_violations(page)


def test_scripted_pages_work_under_the_csp(watched, world):
    member = world.users["member"]
    page = watched(member)
    # The comment form's character counter is a static script: it must run.
    page.goto(reverse("councils:comment_create", kwargs={"pk": world["item"].pk}))
    page.get_by_label("Din kommentar").fill("Hej")
    expect(page.locator("#id_text_counter")).to_have_text("3 af 5.000 tegn")
    _assert_no_violations(page)
    for url in (
        reverse("home"),
        reverse("councils:list"),
        world["plan"].get_absolute_url(),
        "/findes-ikke/",
    ):
        page.goto(url)
        _assert_no_violations(page)

    admin = watched(world.users["administrator"])
    admin.goto(reverse("admin:index"))
    _assert_no_violations(admin)
    anonymous = watched(None)
    anonymous.goto(reverse("account_login"))
    _assert_no_violations(anonymous)
