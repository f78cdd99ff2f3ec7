"""Real-browser tests: Playwright for Python driving Debian's Chromium.

In CI (CI=true) these tests must run, so a missing browser is an error.
Elsewhere they are skipped with one clear reason when Chromium is absent.
"""

import os
import shutil

import pytest

from tests.accounts.factories import TEST_PASSWORD

# Playwright's sync API keeps an event loop in this thread; the ORM calls the
# tests make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() == "true"


def _browser_missing_reason():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (make test installs the 'chromium' apt package when run as root)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing_reason()
    if reason:
        if IN_CI:
            pytest.fail(f"Browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login(page):
    def _login(user, password=TEST_PASSWORD):
        page.goto("/konto/login/")
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Adgangskode").fill(password)
        page.get_by_role("button", name="Log ind").last.click()
        page.wait_for_load_state()

    return _login


# The accessibility sweep's shared run (tests/e2e/test_sweep.py, test_form_errors.py).
from tests.e2e.sweep_conftest import sweep_results  # noqa: E402,F401
