"""The accessibility sweep: every GET page of the permission matrix, as every role that may
see it, at 1280 and 320 CSS pixels; then every form on those pages, submitted emptied.

One world, one browser, one logged-in context per role (the session cookie is made on the
server, no login form per role). Failures are collected per class, never raised on the spot.
"""

import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from axe_playwright_python.base import AXE_SCRIPT
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.axe import WCAG_21_AA_TAGS
from tests.e2e.sweep_checks import (
    EMPTY_FORM_JS,
    ERROR_PATTERN_JS,
    FORMS_JS,
    SETTLE_JS,
    SUBMIT_FORM_JS,
    control_contrast_failures,
    sideways_scroll,
)
from tests.permissions.matrix import all_rows
from tests.world import ROLES, build_world

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
# axe at 320 px too on every page (the default) costs about a third more; with
# PORTAL_SWEEP_AXE_NARROW=tables-forms only pages with a table or a form get it there, the
# places where the narrow layout differs most (the cheap checks still run on every page).
AXE_NARROW_ON_EVERY_PAGE = os.environ.get("PORTAL_SWEEP_AXE_NARROW", "all") == "all"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS}, "resultTypes": ["violations"]}

# Pages outside the matrix (allauth's) that every visitor meets: swept as anonymous.
EXTRA_PAGES = [("account_login", "anonymous"), ("account_reset_password", "anonymous")]


@dataclass
class Page:
    id: str
    url: str
    roles: list


@dataclass
class SweepResults:
    failures: dict = field(default_factory=lambda: defaultdict(list))
    notes: list = field(default_factory=list)
    visits: int = 0
    roles_seen: set = field(default_factory=set)
    forms: int = 0
    forms_tried: int = 0
    seconds: float = 0.0

    def fail(self, kind, page_id, role, detail, width=""):
        self.failures[kind].append((page_id, width, detail, role))

    def report(self, kind) -> str:
        """One line per page, width and failure, naming every role that met it."""
        grouped = {}
        for page_id, width, detail, role in self.failures.get(kind, []):
            roles = grouped.setdefault((page_id, width, detail), [])
            if role not in roles:
                roles.append(role)
        pages = {key[0] for key in grouped}
        lines = [
            f"- {page_id}{' at ' + width if width else ''} as {', '.join(roles)}: {detail}"
            for (page_id, width, detail), roles in grouped.items()
        ]
        return f"{kind}: {len(grouped)} failure(s) on {len(pages)} page(s):\n" + "\n".join(lines)


def sweep_pages(world) -> list[Page]:
    pages = []
    for row in all_rows():
        if row.method != "get" or row.url_name.startswith("admin:"):
            continue
        roles = [role for role in ROLES if row.expect[role] == 200]
        if not roles:
            continue
        kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
        data = row.data(world) if callable(row.data) else row.data
        url = reverse(row.url_name, kwargs=kwargs) + (f"?{urlencode(data)}" if data else "")
        pages.append(Page(row.id, url, roles))
    for name, role in EXTRA_PAGES:
        pages.append(Page(name, reverse(name), [role]))
    return pages


def _contexts(browser, base_url, world):
    contexts = {}
    for role in ROLES:
        context = browser.new_context(base_url=base_url, locale="da-DK", viewport=WIDE)
        context.set_default_timeout(20_000)
        user = world.user(role)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": base_url, "httpOnly": True}]
            )
        contexts[role] = context
    return contexts


def _is_html(context, url) -> bool:
    response = context.request.get(url, max_redirects=0)
    return response.headers.get("content-type", "").startswith("text/html")


def _axe(page, results, page_id, role, width):
    violations = page.evaluate(
        "(options) => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS
    )
    for violation in violations:
        targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:3])
        more = len(violation["nodes"]) - 3
        results.fail(
            "axe",
            page_id,
            role,
            f"{violation['id']} ({violation['impact']}) {violation['help']} at {targets}"
            + (f" (+{more} more)" if more > 0 else ""),
            width,
        )


def _check_page(page, url, role, page_id, results, forms_seen):
    page.set_viewport_size(WIDE)
    response = page.goto(url)
    if response is None or response.status != 200:
        results.fail("load", page_id, role, f"status {response and response.status}")
        return
    page.evaluate(AXE_SCRIPT)
    results.visits += 1
    results.roles_seen.add(role)
    _layout_checks(page, results, page_id, role, "1280px")
    forms = page.evaluate(FORMS_JS)
    for form in forms:
        key = (page_id, tuple(form["names"]))
        if key not in forms_seen:
            forms_seen[key] = (url, role, form["index"])

    page.set_viewport_size(NARROW)
    page.evaluate(SETTLE_JS)
    results.visits += 1
    axe = AXE_NARROW_ON_EVERY_PAGE or bool(forms) or page.locator("table").count() > 0
    _layout_checks(page, results, page_id, role, "320px", axe=axe)


def _layout_checks(page, results, page_id, role, width, axe=True):
    if axe:
        _axe(page, results, page_id, role, width)
    if problem := sideways_scroll(page):
        results.fail("sideways-scroll", page_id, role, problem, width)
    by_problem = {}
    for control, problem in control_contrast_failures(page):
        by_problem.setdefault(problem, []).append(control)
    for problem, controls in by_problem.items():
        results.fail("control-contrast", page_id, role, f"{problem}: {', '.join(controls)}", width)


def _check_form(page, url, role, page_id, form, results):
    index, names = form
    shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
    where = f"{page_id}, form with {shown}"
    page.set_viewport_size(WIDE)
    page.goto(url)
    emptied = page.evaluate(EMPTY_FORM_JS, index)
    if not emptied["emptied"]:
        results.notes.append(f"{where} as {role}: nothing to empty, not submitted")
        return
    try:
        with page.expect_navigation(timeout=5_000) as navigation:
            page.evaluate(SUBMIT_FORM_JS, index)
    except PlaywrightTimeout:
        results.forms_tried += 1
        results.fail(
            "form-errors", where, role, "not submitted: the browser's own validation stopped it"
        )
        return
    results.forms_tried += 1
    answer = navigation.value
    if answer is not None and answer.request.redirected_from is not None:
        if emptied["required"]:
            results.fail("form-errors", where, role, "accepted with its required fields emptied")
        else:
            results.notes.append(f"{where} as {role}: no required field; accepted when emptied")
        return
    results.forms += 1
    for problem in page.evaluate(ERROR_PATTERN_JS):
        results.fail("form-errors", where, role, problem)


def run_sweep(browser, base_url, only="") -> SweepResults:
    started = time.monotonic()
    results = SweepResults()
    world = build_world()
    contexts = _contexts(browser, base_url, world)
    pages = {role: context.new_page() for role, context in contexts.items()}
    forms_seen = {}
    try:
        for swept in sweep_pages(world):
            if only not in swept.id:
                continue
            html = None
            for role in swept.roles:
                if html is None:
                    html = _is_html(contexts[role], swept.url)
                    if not html:
                        break
                try:
                    _check_page(pages[role], swept.url, role, swept.id, results, forms_seen)
                except Exception as error:  # one broken page must not hide the others
                    results.fail("harness", swept.id, role, repr(error)[:300])
        # Forms last: a form that accepts an emptied submission changes the world.
        for (page_id, names), (url, role, index) in forms_seen.items():
            try:
                _check_form(pages[role], url, role, page_id, (index, names), results)
            except Exception as error:
                results.fail("harness", f"{page_id}, form {names}", role, repr(error)[:300])
    finally:
        for context in contexts.values():
            context.close()
    results.seconds = time.monotonic() - started
    return results
