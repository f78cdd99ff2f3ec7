"""A member answers "Jeg kommer ikke" and asks for an interpreter with the keyboard-usable
form; the secretary sees who comes, marks the request handled and cancels the meeting.
Every page passes axe (WCAG 2.1 A/AA)."""

import pytest
from playwright.sync_api import expect

from councils.models import MeetingStatus
from participation.models import Answer, AttendanceAnswer, SupportRequest
from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_answers_and_secretary_follows_up(page, login, world):
    member, meeting = world.users["member"], world["meeting"]
    login(member)
    page.goto(meeting.get_absolute_url())
    panel = page.locator("#deltagelse")
    expect(panel.get_by_role("group", name="Kommer du til mødet?")).to_be_visible()
    assert_accessible(page)
    panel.get_by_role("link", name="Se eller ret dit ønske om støtte").click()
    expect(page.locator("h1")).to_have_text("Kommer du til mødet?")
    assert_accessible(page)
    # Sent without an answer: the error is named and what was typed stays.
    page.get_by_label("Tolk, også tegnsprogstolk").check()
    page.get_by_label("Beskriv, hvad du har brug for").fill("Tegnsprogstolk, tak.")
    page.get_by_role("button", name="Gem svar").click()
    expect(page.locator("main")).to_contain_text("Vælg om du kommer til mødet.")
    expect(page.get_by_label("Beskriv, hvad du har brug for")).to_have_value("Tegnsprogstolk, tak.")
    assert_accessible(page)
    page.get_by_label("Jeg kommer", exact=True).check()
    page.get_by_role("button", name="Gem svar").click()
    expect(page.locator("main")).to_contain_text("Dit svar er gemt: Jeg kommer.")
    answer = AttendanceAnswer.objects.get(meeting=meeting, membership=world["membership"])
    assert answer.answer == Answer.YES
    assert SupportRequest.objects.get(pk=world["support_request"].pk).interpreter

    page.context.clear_cookies()
    login(world.users["secretary"])
    page.goto(meeting.get_absolute_url())
    page.locator("#deltagelse").get_by_role(
        "link", name="Tilmeldinger og beslutningsdygtighed"
    ).click()
    expect(page.locator("main")).to_contain_text("Beslutningsdygtighed")
    assert_accessible(page)
    page.get_by_role("link", name="Ønsker om støtte").first.click()
    assert_accessible(page)
    page.get_by_role("button", name=f"Markér ønsket fra {member.full_name} som ordnet").click()
    expect(page.locator("main")).to_contain_text("er markeret som ordnet")
    page.goto(meeting.get_absolute_url())
    page.locator("#deltagelse").get_by_role("link", name="Aflys mødet").click()
    assert_accessible(page)
    page.get_by_role("button", name="Aflys mødet").click()
    expect(page.locator("main")).to_contain_text("Mødet er aflyst.")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
