"""A reader's history in Chromium: the role, not a name; "ændret" for free text; accessible."""

import pytest

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_reads_what_changed_but_not_the_earlier_wording(page, world):
    update, caseworker = world["update"], world.users["caseworker"]
    for participants in ("Brugerrådet og Jens (010190-1234)", "Brugerrådet og en bruger"):
        update.participants = participants
        update._history_user = caseworker
        update.save()

    page.goto(f"/politikker/opfoelgning/{update.pk}/")
    history = page.locator("#historik")
    text = history.inner_text()
    assert "Hvem deltog" in text and "ændret" in text
    assert "Forvaltningen" in text and caseworker.full_name not in text
    assert "010190-1234" not in page.content()
    assert_accessible(page)
