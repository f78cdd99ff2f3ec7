"""The accessibility statement: settings, the national tool, the complaint body, and no claim
of full compliance while known issues are listed."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.accessibility import read_statement_settings

pytestmark = pytest.mark.django_db


def _page(client, settings, **env):
    settings.PORTAL_ACCESSIBILITY_STATEMENT = read_statement_settings(env)
    return client.get(reverse("accessibility")).content.decode()


def test_danish_statement_links_the_was_tool_and_digitaliseringsstyrelsen(client, settings):
    html = _page(
        client,
        settings,
        PORTAL_A11Y_COUNTRY="dk",
        PORTAL_A11Y_CONTACT_EMAIL="web@demokommune.example",
        PORTAL_A11Y_STATEMENT_DATE="2026-10-16",
        PORTAL_A11Y_STATEMENT_URL="https://www.was.digst.dk/demokommune",
        PORTAL_A11Y_KNOWN_ISSUES="Kalenderen kan ikke bruges med tastatur",
    )
    assert 'href="https://www.was.digst.dk/demokommune"' in html
    assert "Digitaliseringsstyrelsen" in html and "digst.dk" in html
    assert 'href="mailto:web@demokommune.example"' in html
    assert "16. oktober 2026" in html
    assert "Kalenderen kan ikke bruges med tastatur" in html
    assert 'data-compliance="partial"' in html


def test_norwegian_statement_links_uustatus_and_the_supervisory_authority(client, settings):
    html = _page(client, settings, PORTAL_A11Y_COUNTRY="no")
    assert "uustatus.no" in html
    assert "Tilsynet for universell utforming av ikt" in html
    assert "Digitaliseringsstyrelsen" not in html


@pytest.mark.parametrize("issues", [None, "Et kendt problem"])
def test_full_compliance_with_known_issues_is_refused(issues):
    env = {"PORTAL_A11Y_COMPLIANCE": "full"}
    if issues is not None:
        env["PORTAL_A11Y_KNOWN_ISSUES"] = issues
    with pytest.raises(ImproperlyConfigured, match="full compliance"):
        read_statement_settings(env)


def test_the_page_never_claims_full_compliance_next_to_issues(client, settings):
    statement = read_statement_settings({"PORTAL_A11Y_KNOWN_ISSUES": "Et problem"})
    statement["compliance"] = "full"  # as if validation were bypassed
    settings.PORTAL_ACCESSIBILITY_STATEMENT = statement
    html = client.get(reverse("accessibility")).content.decode()
    assert 'data-compliance="partial"' in html
    assert "overholder fuldt ud" not in html


def test_full_compliance_without_issues_is_stated(client, settings):
    html = _page(client, settings, PORTAL_A11Y_COMPLIANCE="full", PORTAL_A11Y_KNOWN_ISSUES="")
    assert 'data-compliance="full"' in html
    assert "Indhold, der ikke er tilgængeligt" not in html


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORTAL_A11Y_COUNTRY", "se"),
        ("PORTAL_A11Y_COMPLIANCE", "mostly"),
        ("PORTAL_A11Y_STATEMENT_DATE", "16.10.2026"),
    ],
)
def test_unreadable_values_stop_the_start_naming_the_variable(name, value):
    with pytest.raises(ImproperlyConfigured, match=name):
        read_statement_settings({name: value})
