"""Screenshots of the portal's key screens at phone and desktop width, for anyone to look at.

    make screenshots        (or: .venv/bin/python scripts/screenshots.py)

Loads the demo municipality into its own SQLite database in a temporary folder, serves it
with runserver on 127.0.0.1 (a free port), photographs the member's start page and meeting
page, the goal form (empty and after an empty submission) and the report PDF flow (a new
draft version, its preview, the PDF, publishing) at 390 and 1280 CSS pixels in Debian's
Chromium, then stops the server. The PNGs land in
``screenshots/`` (git-ignored; SCREENSHOTS_DIR overrides it).
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="portal-screenshots-"))
OUT = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "screenshots"))
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
WIDTHS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        # The demo's passwords are public: debug on, as in `make run`, never a real database.
        "DJANGO_DEBUG": "true",
        "PORTAL_REQUIRE_STAFF_MFA": "false",
        "SECRET_KEY": "screenshots-only-not-a-secret",
        "DATABASE_URL": f"sqlite:///{WORK / 'screenshots.sqlite3'}",
        "MEDIA_ROOT": str(WORK / "media"),
        "LOG_LEVEL": "WARNING",
        # Playwright's sync API keeps an event loop in this thread; the ORM look-ups between
        # browser steps are synchronous and safe.
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
)
for name in ("CELERY_BROKER_URL", "REDIS_URL"):
    os.environ.pop(name, None)
sys.path.insert(0, str(ROOT))


def manage(*args, **kwargs):
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, check=True, **kwargs)  # noqa: S603 - our manage.py


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url} within {seconds} s")


def screens():
    """(user role, file name, path) of each screen, read from the demo database."""
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import timezone

    from accounts.demo import DEMO_USERS
    from accounts.models import User
    from councils.models import Meeting
    from councils.roles import member_council_ids

    member = User.objects.get(email=DEMO_USERS["member"][0])
    meeting = (
        Meeting.objects.visible_to(member)
        .filter(council_id__in=member_council_ids(member), starts_at__gte=timezone.now())
        .exclude(agenda_published_at=None)
        .order_by("starts_at")
        .first()
    ) or Meeting.objects.visible_to(member).order_by("-starts_at").first()
    shots = [
        ("member", "01-start-page", reverse("home")),
        ("member", "02-meeting-page", meeting.get_absolute_url()),
        ("caseworker", "03-goal-form", reverse("policies:goal_create")),
        ("administrator", "05-report-list", reverse("reports:manage_list")),
    ]
    return shots, {role: DEMO_USERS[role][0] for role in ("member", "caseworker", "administrator")}


def log_in(page, email):
    from core.demo import DEMO_PASSWORD

    page.goto("/konto/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()


def report_flow(page, shoot):
    """The status report's PDF flow: a new draft version, its preview, the PDF, publishing."""
    from django.urls import reverse

    from reports.models import StatusReport

    def latest_draft():
        return StatusReport.objects.filter(status=StatusReport.Status.DRAFT).order_by("-pk").first()

    published = (
        StatusReport.objects.filter(status=StatusReport.Status.PUBLISHED).order_by("-pk").first()
    )
    page.goto(reverse("reports:manage", args=[published.pk]))
    shoot("06-report-published")
    draft = latest_draft()
    if draft is None:
        new_version = reverse("reports:new_version", args=[published.pk])
        page.locator(f"form[action='{new_version}'] [type=submit]").click()
        page.wait_for_load_state()
        draft = latest_draft()
    page.goto(reverse("reports:manage", args=[draft.pk]))
    shoot("07-report-draft")
    page.goto(reverse("reports:preview", args=[draft.pk]))
    shoot("08-report-preview")
    page.goto(reverse("reports:manage", args=[draft.pk]))
    render = page.locator(f"form[action='{reverse('reports:render', args=[draft.pk])}']")
    if render.count():
        render.locator("[type=submit]").click()
        page.wait_for_load_state()
        shoot("09-report-pdf")
    page.goto(reverse("reports:publish", args=[draft.pk]))
    shoot("10-report-publish")


def photograph(base_url, shots, emails):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for label, viewport in WIDTHS.items():
            pages = {}
            for role, email in emails.items():
                context = browser.new_context(base_url=base_url, locale="da-DK", viewport=viewport)
                pages[role] = context.new_page()
                log_in(pages[role], email)

            def shoot(name, page, label=label):
                target = OUT / f"{label}-{name}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)

            for role, name, path in shots:
                page = pages[role]
                page.goto(path)
                shoot(name, page)
                if name == "03-goal-form":
                    # The same form submitted empty: the error summary.
                    page.locator("main form[method=post] [type=submit]").first.click()
                    page.wait_for_load_state()
                    shoot("04-goal-form-errors", page)
            admin = pages["administrator"]
            report_flow(admin, lambda name, page=admin: shoot(name, page))
        browser.close()
    return written


def main():
    manage("migrate", "--noinput", "-v0")
    manage("load_demo", stdout=subprocess.DEVNULL)
    shots, emails = screens()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our manage.py on loopback
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base_url}/healthz/")
        written = photograph(base_url, shots, emails)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(WORK, ignore_errors=True)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
