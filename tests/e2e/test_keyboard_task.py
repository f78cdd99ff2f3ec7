"""Issue 15: the member's task by keyboard alone, counting Tab presses.

Log in, open the next meeting, open a bilag, write and send a comment: no mouse, and no more
Tab presses than the budgets below. Each leg starts from the skip link ("Spring til
indholdet"), which every page offers as its first stop, so the header never counts twice.

Budgets (Tab presses after the skip link has moved focus to <main>):
- login form: the e-mail field is the first stop, the password the next, the button at
  most three more (the "forgot password" link and the "remember me" box sit between): 1+1+3;
- start page: the next meeting within 3 stops — the issue's own figure: a member comes
  for the next meeting, so it comes first, before any general introduction;
- meeting page: item 1's first bilag within 3 stops (the way back to the council, the
  item's heading area, the bilag);
- from the bilag to "Kommentér punkt 1": at most 4 stops — only the item's own comment
  actions (in this world one comment by the member: "Svar …" and "Ret din kommentar") lie
  between; if the PDF opened in the tab and Back returns to the top of the page, the skip
  link and the bilag's 3 come first (3 + 4);
- comment form: the text field within 2 stops (a way back may come first), the send
  button the next stop after it.
Together at most 26 presses: the legs' 21 and one per skip link (5 pages), the worst case.
"""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from councils.models import Comment
from tests.accounts.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOTAL_BUDGET = 26

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "(nothing)";
  const text = (el.getAttribute("aria-label") || el.textContent || el.name || "").trim();
  return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${text.slice(0, 40)}"`;
}"""


def _opened_in_the_tab(page, url):
    """True when the bilag replaced the page (shown inline); False when it was downloaded."""
    try:
        page.wait_for_url(f"**{url}", timeout=3_000)
    except PlaywrightTimeout:
        return False
    return True


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.presses = 0
        self.legs = []

    def skip_to_main(self):
        """Tab to the skip link (the first stop) and follow it, unless the page has already
        put the focus inside <main> (a form that focuses its only field)."""
        if self.page.evaluate("() => !!document.activeElement.closest('main')"):
            return
        self.page.keyboard.press("Tab")
        self.presses += 1
        skip = self.page.get_by_role("link", name="Spring til indholdet")
        assert skip.evaluate("el => el === document.activeElement"), (
            f"the first Tab stop on {self.page.url} is "
            f"{self.page.evaluate(DESCRIBE_FOCUS)}, not the skip link"
        )
        self.page.keyboard.press("Enter")

    def tab_to(self, locator, budget, what):
        """Press Tab until ``locator`` has focus; fail after ``budget`` presses."""
        seen = []
        if locator.evaluate("el => el === document.activeElement"):
            self.legs.append(f"{what}: 0")
            return
        for count in range(1, budget + 1):
            self.page.keyboard.press("Tab")
            self.presses += 1
            if locator.evaluate("el => el === document.activeElement"):
                self.legs.append(f"{what}: {count}")
                return
            seen.append(self.page.evaluate(DESCRIBE_FOCUS))
        pytest.fail(
            f"{what}: not reached in {budget} Tab presses on {self.page.url}; "
            f"focus went to: {'; '.join(seen)}"
        )


def test_a_member_reads_the_next_meeting_and_comments_by_keyboard_alone(page, world):
    member, meeting, item = world.users["member"], world["meeting"], world["item"]
    attachment = world["attachment"]
    keys = Keyboard(page)

    page.goto("/konto/login/")
    keys.skip_to_main()
    keys.tab_to(page.get_by_label("E-mail"), 1, "login: e-mail")
    page.keyboard.type(member.email)
    keys.tab_to(page.get_by_label("Adgangskode"), 1, "login: password")
    page.keyboard.type(TEST_PASSWORD)
    keys.tab_to(page.locator("main").get_by_role("button", name="Log ind"), 3, "login: button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text(f"Logget ind som {member.full_name}")).to_be_visible()

    keys.skip_to_main()
    next_meeting = page.locator(f"main a[href='{meeting.get_absolute_url()}']").first
    keys.tab_to(next_meeting, 3, "start page: next meeting")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(meeting.display_title)

    keys.skip_to_main()
    bilag = page.locator(f"a[href='{attachment.get_absolute_url()}']")
    keys.tab_to(bilag, 3, "meeting: first bilag")
    with page.expect_response(lambda r: r.url.endswith(attachment.get_absolute_url())) as opened:
        page.keyboard.press("Enter")
    assert opened.value.ok and opened.value.headers["content-type"] == "application/pdf"

    comment_link = page.get_by_role("link", name=f"Kommentér punkt {item.number}")
    if _opened_in_the_tab(page, attachment.get_absolute_url()):
        # The PDF opened in the tab: the browser's Back (Alt+←). Playwright's synthetic keys
        # never reach the browser's own shortcuts, so go_back() presses it for us.
        page.go_back()
    if bilag.evaluate("el => el === document.activeElement"):
        keys.tab_to(comment_link, 4, "meeting: comment on item 1")
    else:
        # The page came back without its focus (no-store pages are not kept): from the top.
        keys.skip_to_main()
        keys.tab_to(comment_link, 3 + 4, "meeting again: comment on item 1")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    keys.skip_to_main()
    keys.tab_to(page.get_by_label("Din kommentar"), 2, "comment form: text")
    page.keyboard.type("Kan mødet flyttes til om eftermiddagen?")
    keys.tab_to(page.get_by_role("button", name="Send kommentar"), 1, "comment form: send")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.locator("main")).to_contain_text("Din kommentar er gemt.")
    assert Comment.objects.filter(
        item=item, author=member, text="Kan mødet flyttes til om eftermiddagen?"
    ).exists()
    assert keys.presses <= TOTAL_BUDGET, (
        f"{keys.presses} Tab presses (budget {TOTAL_BUDGET}): {', '.join(keys.legs)}"
    )
