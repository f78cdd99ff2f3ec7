"""Acceptance 2: a caseworker edits a goal of their unit and adds an update, in Chromium."""

import pytest

from tests.e2e.axe import assert_accessible
from tests.policies.factories import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_caseworker_edits_own_goal_and_adds_an_update(page, login, world):
    goal, other = world["goal"], world["other_goal"]
    login(world.users["caseworker"])

    page.goto(f"/politikker/maal/{goal.pk}/")
    assert page.locator("h1").inner_text() == goal.title
    page.get_by_role("link", name="Rediger mål").click()
    assert page.locator("h1").inner_text().startswith("Rediger mål")
    page.locator("#id_target").fill("Mindst fire møder med brugerrådet.")
    page.get_by_label("Brugerindflydelse").check()
    page.get_by_role("button", name="Gem mål").click()
    main = page.locator("main")
    assert "Målet er gemt." in main.inner_text()
    assert "Mindst fire møder med brugerrådet." in main.inner_text()
    assert "selvstændig kompetence" in main.inner_text()  # the level's definition

    page.get_by_role("link", name="Tilføj opfølgning").click()
    page.get_by_label("Dato").fill("2011-09-01")
    page.get_by_label("Hvordan var brugerne med?").select_option("dialogue_meeting")
    page.get_by_label("Hvem deltog?").fill("Brugerrådet og to pårørende")
    page.get_by_label("Hvad blev gjort?").fill("Dialogmøde om aftenåbning.")
    page.get_by_label("Bilag").set_input_files(
        files=[{"name": "dialogmoede.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_role("button", name="Gem opfølgning").click()
    main = page.locator("main")
    assert "Opfølgningen er gemt." in main.inner_text()
    assert "Dialogmøde om aftenåbning." in main.inner_text()
    assert page.get_by_role("link", name="dialogmoede.pdf").count() == 1

    page.goto(f"/politikker/maal/{other.pk}/")
    assert page.locator("h1").inner_text() == other.title
    assert page.get_by_role("link", name="Rediger mål").count() == 0
    assert page.get_by_role("link", name="Tilføj opfølgning").count() == 0
    assert page.get_by_role("link", name="Slet mål").count() == 0


def test_policy_and_goal_pages_have_no_axe_violations(page, login, world):
    login(world.users["caseworker"])
    goal = world["goal"]
    for path in (
        f"/politikker/{world['policy'].policy_id}/",
        "/politikker/",
        "/politikker/maal/",
        "/politikker/maal/oversigt/",
        f"/politikker/maal/{goal.pk}/",
        f"/politikker/maal/{goal.pk}/rediger/",
        "/politikker/maal/ny/",
        f"/politikker/opfoelgning/{world['update'].pk}/",
        "/",
    ):
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_goal_form_with_errors_has_no_axe_violations(page, login, world):
    login(world.users["caseworker"])
    page.goto(f"/politikker/maal/{world['goal'].pk}/rediger/")
    page.locator("#id_title").fill("")
    page.locator("#id_year").fill("1999")
    page.get_by_role("button", name="Gem mål").click()
    main = page.locator("main").inner_text()
    assert "Udfyld feltet »Mål«." in main
    assert "Året skal ligge mellem 2000 og 2100." in main
    assert_accessible(page)


def test_stale_save_shows_the_merge_page_and_merging_saves(page, login, world):
    from policies.models import UnitGoal
    from policies.services import save_goal

    goal = world["goal"]
    login(world.users["caseworker"])
    page.goto(f"/politikker/maal/{goal.pk}/rediger/")
    # Someone else saves the goal while the form is open.
    other = UnitGoal.objects.get(pk=goal.pk)
    other.target = "Fire møder (administrationens tekst)."
    save_goal(goal=other, based_on_version=1)

    page.locator("#id_target").fill("Tre møder (sagsbehandlerens tekst).")
    page.get_by_role("button", name="Gem mål").click()
    main = page.locator("main").inner_text()
    assert "Målet er ændret af en anden, mens du redigerede" in main
    assert "Fire møder (administrationens tekst)." in main
    assert "Tre møder (sagsbehandlerens tekst)." in main
    assert_accessible(page)
    goal.refresh_from_db()
    assert goal.target == "Fire møder (administrationens tekst)."

    page.locator("#id_target").fill("Fire møder, heraf et med pårørende.")
    page.get_by_role("button", name="Gem den flettede version").click()
    assert "Målet er gemt." in page.locator("main").inner_text()
    goal.refresh_from_db()
    assert (goal.target, goal.version) == ("Fire møder, heraf et med pårørende.", 3)


def test_administrator_pages_have_no_axe_violations(page, login, world):
    login(world.users["administrator"])
    draft, adopted, goal = world["draft_policy"], world["policy"], world["goal"]
    for path in (
        "/politikker/ny/",
        f"/politikker/version/{draft.pk}/",
        f"/politikker/version/{draft.pk}/rediger/",
        f"/politikker/version/{draft.pk}/vedtag/",
        f"/politikker/version/{adopted.pk}/arkiver/",
        f"/politikker/version/{adopted.pk}/ny-version/",
        f"/politikker/maal/{goal.pk}/slet/",
        f"/politikker/maal/{goal.pk}/opfoelgning/ny/",
        f"/politikker/opfoelgning/{world['update'].pk}/rediger/",
        f"/politikker/opfoelgning/{world['update'].pk}/slet/",
        f"/politikker/bilag/{world['attachment'].pk}/slet/",
    ):
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_long_goal_history_is_paginated_and_accessible(page, login, world):
    goal = world["goal"]
    for i in range(55):
        goal.title = f"Mål, version {i}"
        goal.save()
    login(world.users["caseworker"])
    page.goto(f"/politikker/maal/{goal.pk}/")
    history = page.locator("#historik")
    assert history.locator("ol > li").count() == 50
    assert "Side 1 af 2" in history.inner_text()
    assert_accessible(page)
    history.get_by_role("link", name="Ældre ændringer").click()
    assert "Side 2 af 2" in page.locator("#historik").inner_text()
    assert page.locator("#historik ol > li").count() == 6
    assert_accessible(page)
