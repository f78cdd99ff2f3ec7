"""Phone layout: no sideways scrolling at 320 CSS px, a small header with a Menu button that
works without JavaScript, and the focus ring and control borders the eye can find."""

import pytest
from django.urls import reverse

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pages(world):
    return [
        reverse("home"),
        reverse("councils:list"),
        world["council"].get_absolute_url(),
        world["meeting"].get_absolute_url(),
        reverse("reports:published_detail", args=[world["published_report"].pk]),
        reverse("reports:manage_list"),
        reverse("policies:policy_list"),
        reverse("policies:goal_list"),
        reverse("actionplans:plan_list"),
        world["plan"].get_absolute_url(),
    ]


def _sideways(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(page, login, administrator, world, width):
    page.set_viewport_size({"width": width, "height": 844})
    login(administrator)
    wide = {}
    for path in _pages(world):
        page.goto(path)
        if (extra := _sideways(page)) > 0:
            wide[path] = extra
    assert not wide, f"pages wider than {width} px (extra px): {wide}"


def test_phone_header_is_small_and_the_menu_opens(page, login, member, world):
    page.set_viewport_size({"width": 390, "height": 844})
    login(member)
    page.goto("/")
    header = page.locator("header").bounding_box()
    assert header["height"] <= 0.2 * 844, header
    nav_link = page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Forside")
    assert not nav_link.is_visible()
    page.locator("summary", has_text="Menu").click()
    assert nav_link.is_visible()
    assert page.get_by_role("button", name="Log ud").is_visible()
    assert_accessible(page)


def test_menu_works_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto("/")
    link = page.get_by_role("link", name="Log ind").first
    assert page.locator("header").bounding_box()["height"] <= 0.2 * 844
    page.locator("summary", has_text="Menu").click()
    assert page.locator("header nav").is_visible() and link.is_visible()
    context.close()


def test_desktop_shows_the_navigation_without_a_menu_button(page, login, member, world):
    page.set_viewport_size({"width": 1280, "height": 800})
    login(member)
    page.goto("/")
    assert page.get_by_role("navigation", name="Hovedmenu").is_visible()
    assert not page.locator("summary", has_text="Menu").is_visible()


FOCUS_STYLE = """el => { const s = getComputedStyle(el);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }"""


def test_every_kind_of_control_gets_the_strong_focus_ring(page, login, secretary, world):
    login(secretary)
    page.goto(reverse("councils:meeting_edit", args=[world["meeting"].pk]))
    for selector in ["#id_title", "button.btn-primary", "main a", "#language-select"]:
        element = page.locator(selector).first
        element.focus()
        if selector == "button.btn-primary":
            # A button focused by keyboard: press Tab onto it from the field before.
            page.locator("#id_comment_deadline").focus()
            page.keyboard.press("Tab")
            element = page.locator(":focus")
        ring = element.evaluate(FOCUS_STYLE)
        assert ring["style"] == "solid" and ring["width"] >= 3, (selector, ring)


BORDER = "el => getComputedStyle(el).borderTopColor"


def _contrast(rgb_a, rgb_b):
    def lum(rgb):
        def ch(c):
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = rgb
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)

    hi, lo = sorted([lum(rgb_a), lum(rgb_b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(css):
    return tuple(int(float(x)) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


def test_control_borders_have_3_to_1_contrast(page, login, caseworker, world):
    login(caseworker)
    page.goto(reverse("policies:goal_create"))
    for selector in ["input.form-control", "textarea", "select.form-select", "input[type=radio]"]:
        color = page.locator(selector).first.evaluate(BORDER)
        assert _contrast(_rgb(color), (255, 255, 255)) >= 3, (selector, color)
