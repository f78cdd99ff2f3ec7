"""Issue 15: every form of the matrix's pages (and the login and password-reset forms),
submitted with its required fields emptied, answers with the one error pattern: focus on the
summary ([data-error-summary]) that links to each field, a title starting "Fejl: ", and each
invalid field described by its error text."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.sweep, pytest.mark.django_db(transaction=True)]


def test_every_form_shows_the_error_pattern_when_submitted_empty(sweep_results):
    assert not sweep_results.failures.get("form-errors"), sweep_results.report("form-errors")
    # The login, password-reset, comment, meeting, goal and report forms at least.
    assert sweep_results.forms_tried >= 20, sweep_results.notes
