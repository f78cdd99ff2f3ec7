"""What a user types survives a failed save (issue 12, point 7): core/static/core/draft.js."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from councils.models import Comment
from policies.models import GoalUpdate
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Vi vil gerne have længere åbningstid om aftenen."
RESTORED = "Din kladde er gendannet"


def _fail_posts(page):
    """The server (its database) is down: every POST of a form gets a bare 500."""

    def handle(route):
        if route.request.method == "POST":
            route.fulfill(status=500, content_type="text/plain", body="Serverfejl")
        else:
            route.continue_()

    page.route(re.compile(r".*"), handle)
    return lambda: page.unroute(re.compile(r".*"))


def test_a_comment_draft_survives_a_reload_and_a_failed_save_and_goes_after_saving(
    page, login, world
):
    login(world.users["member"])
    item = world["item"]
    url = reverse("councils:comment_create", args=[item.pk])
    page.goto(url)
    field = page.get_by_label("Din kommentar")
    field.press_sequentially("Vi vil gerne")
    page.reload()
    expect(page.get_by_role("status").filter(has_text=RESTORED)).to_be_visible()
    expect(field).to_have_value("Vi vil gerne")

    field.fill(TEXT)
    restore_posts = _fail_posts(page)
    page.get_by_role("button", name="Send kommentar").click()
    expect(page.locator("body")).to_contain_text("Serverfejl")
    restore_posts()
    assert not Comment.objects.filter(text=TEXT).exists()

    page.goto(url)
    expect(page.get_by_text(RESTORED)).to_be_visible()
    expect(page.get_by_label("Din kommentar")).to_have_value(TEXT)
    page.get_by_role("button", name="Send kommentar").click()
    expect(page.locator("main")).to_contain_text("Din kommentar er gemt.")
    assert Comment.objects.filter(text=TEXT).exists()

    page.goto(url)
    expect(page.get_by_label("Din kommentar")).to_have_value("")
    expect(page.get_by_text(RESTORED)).to_have_count(0)


def test_a_draft_can_be_discarded_and_belongs_to_one_form(page, login, world):
    login(world.users["member"])
    items = list(world["meeting"].items.order_by("number"))
    url = reverse("councils:comment_create", args=[items[0].pk])
    page.goto(url)
    page.get_by_label("Din kommentar").fill("Et udkast, jeg fortryder.")
    page.goto(url)
    expect(page.get_by_text(RESTORED)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Kassér kladden").click()
    expect(page.get_by_label("Din kommentar")).to_have_value("")
    expect(page.get_by_text(RESTORED)).to_have_count(0)
    page.reload()
    expect(page.get_by_label("Din kommentar")).to_have_value("")
    expect(page.get_by_text(RESTORED)).to_have_count(0)


def test_a_goal_update_draft_survives_a_failed_save_and_goes_after_saving(page, login, world):
    login(world.users["caseworker"])
    goal = world["goal"]
    url = reverse("policies:update_create", args=[goal.pk])
    page.goto(url)
    page.get_by_label("Hvad blev gjort?").fill("Vi holdt dialogmøde med brugerrådet.")
    page.get_by_label("Hvad førte det til?").fill("Nye åbningstider fra marts.")
    page.get_by_label("Hvordan var brugerne med?").select_option(index=1)
    restore_posts = _fail_posts(page)
    page.get_by_role("button", name="Gem opfølgning").click()
    expect(page.locator("body")).to_contain_text("Serverfejl")
    restore_posts()

    page.goto(url)
    expect(page.get_by_text(RESTORED)).to_be_visible()
    expect(page.get_by_label("Hvad blev gjort?")).to_have_value(
        "Vi holdt dialogmøde med brugerrådet."
    )
    expect(page.get_by_label("Hvad førte det til?")).to_have_value("Nye åbningstider fra marts.")
    page.get_by_role("button", name="Gem opfølgning").click()
    expect(page.locator("main")).to_contain_text("Opfølgningen er gemt.")
    assert GoalUpdate.objects.filter(what_changed="Nye åbningstider fra marts.").exists()

    page.goto(url)
    expect(page.get_by_label("Hvad blev gjort?")).to_have_value("")
    expect(page.get_by_text(RESTORED)).to_have_count(0)


def test_logging_out_forgets_every_draft(page, login, world):
    member = world.users["member"]
    login(member)
    url = reverse("councils:comment_create", args=[world["item"].pk])
    page.goto(url)
    page.get_by_label("Din kommentar").fill("Noget personligt, som ikke må blive på computeren.")
    page.goto(world["meeting"].get_absolute_url())
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('portal-draft:'))")
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_load_state()
    assert page.evaluate("Object.keys(localStorage)") == []
    login(member)
    page.goto(url)
    expect(page.get_by_label("Din kommentar")).to_have_value("")
    expect(page.get_by_text(RESTORED)).to_have_count(0)
