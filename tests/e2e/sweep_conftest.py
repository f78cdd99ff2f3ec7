"""The sweep's fixture: the whole sweep runs once per test session, in the first test that
asks for it, on a world built once inside that test's (transactional) database; the other
sweep tests read the same results."""

import os

import pytest

_RESULTS = {}


@pytest.fixture
def sweep_results(request, browser, live_server, transactional_db):
    if "error" in _RESULTS:
        pytest.fail(f"the sweep itself broke: {_RESULTS['error']!r}")
    if "results" not in _RESULTS:
        # Imported here: collecting the suite must not need Playwright.
        from tests.e2e.sweep_runner import run_sweep

        try:
            results = run_sweep(
                browser, live_server.url, only=os.environ.get("PORTAL_SWEEP_ONLY", "")
            )
        except Exception as error:
            _RESULTS["error"] = error
            raise
        _RESULTS["results"] = results
        capture = request.config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled():
            print(
                f"\nAccessibility sweep: {results.visits} page views and {results.forms} "
                f"invalid form submissions in {results.seconds:.0f} s; failures: "
                + (
                    ", ".join(f"{kind} {len(found)}" for kind, found in results.failures.items())
                    or "none"
                )
            )
            for note in results.notes:
                print(f"  note: {note}")
    return _RESULTS["results"]
