"""The sweep's in-browser checks, on pages whose right answers are known."""

import pytest

from tests.e2e.sweep_checks import (
    ERROR_PATTERN_JS,
    control_contrast_failures,
    sideways_scroll,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def blank(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_control_contrast_measures_borders_against_the_background_behind(blank):
    blank.set_content(
        """
        <style>input, select, textarea { border: 1px solid; }</style>
        <div style="background: #fff">
          <input name="pale" style="border-color: #dee2e6">
          <input name="grey" style="border-color: #767676">
          <input name="outlined" style="border: 0; outline: 2px solid #000">
          <input name="bare" style="border: 0">
          <input type="checkbox" name="translucent"
                 style="appearance: none; border: 1px solid rgba(0,0,0,.25)">
          <input type="radio" name="dark" style="appearance: none; border: 1px solid rgba(0,0,0,.75)">
          <input type="checkbox" name="native">
          <div style="background: #333"><input type="radio" name="native-on-dark"></div>
          <input type="hidden" name="hidden">
          <input name="gone" style="display: none; border-color: #fff">
          <input name="off" disabled style="border-color: #fff">
          <div style="background: rgba(0,0,0,0)">
            <div style="background: #0b2e4f"><select name="on-dark" style="border-color: #1c4a75;
              background: #12395f"></select>
              <select name="white-on-dark" style="border-color: #6b6b6b; background: #fff"></select>
            </div>
            <textarea name="walks-up" style="border-color: #ccc"></textarea>
          </div>
        </div>
        """
    )
    failing = {
        control.split("[name=")[1].split("]")[0]: p
        for control, p in control_contrast_failures(blank)
    }
    assert set(failing) == {
        "pale",
        "bare",
        "translucent",
        "on-dark",
        "walks-up",
        "native-on-dark",
    }, failing
    assert "1.30:1" in failing["pale"] and "#ffffff" in failing["pale"]
    assert "#0b2e4f" in failing["on-dark"]  # measured against the dark box, not the page
    assert failing["bare"] == "no visible border or outline"


def test_sideways_scroll_names_what_sticks_out(blank):
    blank.set_content("<p>kort</p>")
    assert sideways_scroll(blank) is None
    blank.set_content('<table id="wide"><tr><td style="min-width: 500px">x</td></tr></table>')
    found = sideways_scroll(blank)
    assert found.startswith("scrollWidth") and "td" in found
    blank.set_content("<h1>Tilgængelighedserklæringsprocedurebeskrivelsesdokumentet</h1>")
    assert "overflows" in sideways_scroll(blank)


GOOD_ERRORS = """
<title>Fejl: Opret mål</title>
<div data-error-summary tabindex="-1" id="summary"><h2>Der er 1 fejl</h2>
  <ul><li><a href="#id_title">Skriv en titel</a></li></ul></div>
<input id="id_title" name="title" aria-invalid="true" aria-describedby="id_title_error">
<p id="id_title_error">Skriv en titel</p>
<script>document.getElementById("summary").focus()</script>
"""


def test_error_pattern_accepts_the_agreed_pattern_and_names_each_gap(blank):
    blank.set_content(GOOD_ERRORS)
    assert blank.evaluate(ERROR_PATTERN_JS) == []
    blank.set_content(
        """<title>Opret mål</title>
        <input id="id_title" name="title" aria-invalid="true">
        <input id="id_year" name="year" aria-invalid="true" aria-describedby="nowhere">"""
    )
    problems = blank.evaluate(ERROR_PATTERN_JS)
    assert "no [data-error-summary] on the page" in problems
    assert any(p.startswith("focus is on") for p in problems)
    assert 'title is "Opret mål"' in problems
    assert "title: aria-invalid without aria-describedby" in problems
    assert any(p.startswith("year: aria-describedby") for p in problems)
