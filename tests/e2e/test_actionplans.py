import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_adds_initiative_and_records_decision_then_public_sees_plan(
    page, login, world, administrator, browser, live_server
):
    plan = world["submitted_plan"]
    login(administrator)

    page.goto("/handleplaner/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name=plan.title).click()
    expect(page.locator("h1")).to_have_text(plan.title)
    assert_accessible(page)

    page.get_by_role("link", name="Tilføj initiativ").click()
    expect(page.locator("h1")).to_have_text("Tilføj initiativ")
    assert_accessible(page)

    page.get_by_label("Titel").fill("Civilsamfunds- og netværksansvarlig medarbejder")
    page.get_by_label("Beskrivelse").fill("Løbende kontakt til relevante organisationer.")
    page.get_by_label("Inden for eksisterende ramme").check()
    page.get_by_label("Udgift (kr.)").fill("-100.000")
    page.get_by_label("Årligt").check()
    page.get_by_role("button", name="Gem initiativ").click()
    expect(page.locator("main")).to_contain_text("Beløbet kan ikke være negativt.")
    # The error page is accessible too, and nothing typed is lost.
    assert_accessible(page)
    expect(page.get_by_label("Titel")).to_have_value(
        "Civilsamfunds- og netværksansvarlig medarbejder"
    )

    page.get_by_label("Udgift (kr.)").fill("100.000")
    goal = world["goal"]
    page.get_by_label("Enhedsmål").select_option(
        label=f"{goal.title} ({goal.unit.name}, {goal.year})"
    )
    page.get_by_role("button", name="Gem initiativ").click()
    expect(page.locator("main")).to_contain_text("Initiativ B er tilføjet.")
    expect(
        page.get_by_role("heading", name="B. Civilsamfunds- og netværksansvarlig medarbejder")
    ).to_be_visible()
    expect(page.locator('tr[data-funding="within_budget"] td[data-sum="yearly"]')).to_have_text(
        re.compile(r"101\.000 kr\.")
    )

    page.get_by_role("link", name="Registrér udvalgets beslutning").click()
    assert_accessible(page)
    page.get_by_label("Godkendt").check()
    page.get_by_label("Beslutningsdato").fill("2010-09-08")
    page.get_by_label("Beslutningens ordlyd").fill("Indstillingen blev godkendt")
    page.get_by_role("button", name="Gem beslutningen").click()
    expect(page.locator("main")).to_contain_text("Udvalgets beslutning er registreret.")
    expect(page.locator("main")).to_contain_text("Socialudvalgets beslutning den 8. september 2010")

    # The public (a fresh browser context, not logged in) now sees the approved plan.
    public = browser.new_context(base_url=live_server.url, locale="da-DK")
    try:
        citizen = public.new_page()
        citizen.goto("/handleplaner/")
        citizen.get_by_role("link", name=plan.title).click()
        expect(citizen.locator("h1")).to_have_text(plan.title)
        main = citizen.locator("main")
        expect(main).to_contain_text("Godkendt")
        expect(main).to_contain_text("Indstillingen blev godkendt")
        expect(main).to_contain_text("B. Civilsamfunds- og netværksansvarlig medarbejder")
        expect(citizen.get_by_role("link", name="Redigér handleplan")).to_have_count(0)
        assert_accessible(citizen)
        citizen.get_by_role(
            "link", name="B. Civilsamfunds- og netværksansvarlig medarbejder"
        ).click()
        expect(citizen.get_by_role("link", name=goal.title)).to_be_visible()
        assert_accessible(citizen)
    finally:
        public.close()


def test_public_cannot_see_draft_and_pages_are_accessible(page, world):
    page.goto("/handleplaner/")
    expect(page.locator("main")).not_to_contain_text(world["draft_plan"].title)
    response = page.goto(f"/handleplaner/{world['draft_plan'].pk}/")
    assert response.status == 404
    page.goto(world["initiative"].get_absolute_url())
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_print_hides_navigation(page, world):
    page.goto(world["plan"].get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator(".portal-nav")).to_be_hidden()
    expect(page.get_by_role("button", name="Udskriv")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator(".portal-nav")).to_be_visible()


def test_administrator_creates_a_draft_plan_with_recommenders(page, login, world, administrator):
    from actionplans.models import ActionPlan

    login(administrator)
    page.goto("/handleplaner/ny/")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Handleplan for socioøkonomiske virksomheder")
    page.get_by_label("Sagsnummer").fill("2010-12345")
    page.get_by_label("Udvalg").select_option(label="Socialudvalget")
    page.get_by_label("Forvaltning").select_option(label="Socialforvaltningen")
    page.get_by_label("Socialdirektøren").check()
    # The committee's decision is not part of the plan form (it has its own page).
    expect(page.get_by_label("Beslutningsdato")).to_have_count(0)
    page.get_by_label("Sagsnummer").fill("93482")
    page.get_by_role("button", name="Gem handleplan").click()
    expect(page.locator("main")).to_contain_text("fx 2009-93482")
    assert_accessible(page)
    page.get_by_label("Sagsnummer").fill("2010-12345")
    page.get_by_role("button", name="Gem handleplan").click()
    expect(page.locator("main")).to_contain_text("Handleplanen er oprettet som kladde.")
    plan = ActionPlan.objects.get(case_number="2010-12345")
    assert plan.status == "draft"
    assert [r.title for r in plan.recommenders.all()] == ["Socialdirektøren"]


def test_initiative_of_a_submitted_plan_has_no_delete_and_history_is_shown(
    page, login, world, administrator
):
    initiative = world["submitted_initiative"]
    login(administrator)
    page.goto(initiative.get_absolute_url())
    expect(page.get_by_role("link", name="Redigér initiativ")).to_be_visible()
    expect(page.get_by_role("link", name="Slet initiativ")).to_have_count(0)

    page.get_by_role("link", name="Redigér initiativ").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Netværksmøder hver måned")
    page.get_by_role("button", name="Gem initiativ").click()
    history = page.locator("#historik")
    expect(history).to_contain_text("Netværksmøder hver måned")
    expect(history).to_contain_text(administrator.full_name)
    assert_accessible(page)

    # A typed-in address is refused with the reason, and the initiative stays.
    response = page.goto(initiative.get_absolute_url() + "slet/")
    assert response.status == 403
    expect(page.get_by_role("alert")).to_contain_text("Initiativet kan ikke slettes")
    assert_accessible(page)
