"""A member comments, the secretary hides the comment, another council's member is kept out."""

import pytest
from playwright.sync_api import expect

from councils.models import Comment
from tests.accounts.factories import TEST_PASSWORD
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def _new_page(user):
        context = browser.new_context(base_url=live_server.url, locale="da-DK")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/konto/login/")
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Adgangskode").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Log ind").last.click()
        page.wait_for_load_state()
        return page

    yield _new_page
    for context in contexts:
        context.close()


def test_member_comments_and_secretary_hides_it(page, login, world, new_page):
    member, council, meeting = world.users["member"], world["council"], world["meeting"]
    login(member)
    page.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Råd og møder"
    ).click()
    page.get_by_role("link", name=council.name).click()
    page.get_by_role("link", name=meeting.title).click()
    expect(page.locator("h1")).to_have_text(meeting.title)
    page.get_by_role("link", name="Kommentér punkt 1").click()
    page.get_by_label("Din kommentar").fill("Vi ønsker aftenåbning to gange om ugen.")
    page.get_by_role("button", name="Send kommentar").click()
    expect(page.locator("main")).to_contain_text("Din kommentar er gemt.")
    comment = Comment.objects.get(text="Vi ønsker aftenåbning to gange om ugen.")
    entry = page.locator(f"#kommentar-{comment.pk}")
    expect(entry).to_contain_text("Vi ønsker aftenåbning to gange om ugen.")
    expect(entry).to_contain_text(member.full_name)

    secretary_page = new_page(world.users["secretary"])
    secretary_page.goto(meeting.get_absolute_url())
    secretary_page.locator(f"#kommentar-{comment.pk}").get_by_role(
        "link", name=f"Skjul kommentaren fra {member.full_name}"
    ).click()
    secretary_page.get_by_label("Begrundelse").fill("Nævner en bestemt borger")
    secretary_page.get_by_role("button", name="Skjul kommentaren").click()
    expect(secretary_page.locator("main")).to_contain_text("Kommentaren er skjult.")

    page.reload()
    entry = page.locator(f"#kommentar-{comment.pk}")
    expect(entry).to_contain_text("Kommentaren er skjult af sekretæren")
    expect(entry).to_contain_text("Nævner en bestemt borger")
    expect(entry).not_to_contain_text("Vi ønsker aftenåbning")

    outsider_page = new_page(world.users["outsider"])
    response = outsider_page.goto(meeting.get_absolute_url())
    assert response.status == 404
    expect(outsider_page.locator("body")).not_to_contain_text(meeting.title)
    attachment = outsider_page.goto(world["attachment"].get_absolute_url())
    assert attachment.status == 404
    outsider_page.goto(council.get_absolute_url())
    expect(outsider_page.locator("main")).not_to_contain_text(meeting.title)
    expect(outsider_page.locator("main")).not_to_contain_text(member.full_name)


def test_council_pages_have_no_axe_violations(page, login, world, new_page):
    page.goto("/raad/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    login(world.users["member"])
    for path in [
        "/raad/",
        world["council"].get_absolute_url(),
        world["meeting"].get_absolute_url(),
        f"/raad/punkt/{world['item'].pk}/kommentar/",
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)

    # The comment form showing an error message.
    page.get_by_role("button", name="Send kommentar").click()
    expect(page.locator("main")).to_contain_text("Skriv en kommentar, før du sender den.")
    assert_accessible(page)

    # The secretary's view of the meeting, with its extra controls.
    secretary_page = new_page(world.users["secretary"])
    secretary_page.goto(world["meeting"].get_absolute_url())
    assert_accessible(secretary_page)


def test_comment_counter_counts_and_nothing_is_cut(page, login, world):
    item = world["item"]
    login(world.users["member"])
    page.goto(f"/raad/punkt/{item.pk}/kommentar/")
    textarea = page.get_by_label("Din kommentar")
    counter = page.locator("#id_text_counter")
    expect(counter).to_be_visible()
    expect(counter).to_have_text("0 af 5.000 tegn")
    assert "id_text_counter" in textarea.get_attribute("aria-describedby").split()
    assert textarea.get_attribute("maxlength") is None

    textarea.fill("Hej rådet")
    expect(counter).to_have_text("9 af 5.000 tegn")
    # The polite live region follows once typing pauses.
    status = page.locator('[aria-live="polite"][data-character-count-status]')
    expect(status).to_have_text("9 af 5.000 tegn")

    # Pasting too much keeps every character and says how many are too many.
    textarea.fill("a" * 5010)
    expect(counter).to_have_text("5.010 af 5.000 tegn – 10 tegn for mange")
    assert len(textarea.input_value()) == 5010
    assert_accessible(page)

    page.get_by_role("button", name="Send kommentar").click()
    expect(page.locator("main")).to_contain_text("Kommentaren er for lang: 5010 tegn.")
    assert not Comment.objects.filter(item=item, text__startswith="aaaa").exists()
    # The refused text comes back whole, and the counter still tells the member why.
    assert len(page.get_by_label("Din kommentar").input_value()) == 5010
    expect(page.locator("#id_text_counter")).to_contain_text("10 tegn for mange")
