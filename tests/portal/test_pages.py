import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_is_danish_by_default(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Spring til indholdet" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_accessibility_statement_is_linked_from_every_page(client):
    response = client.get(reverse("home"))
    assert reverse("accessibility") in response.content.decode()
    statement = client.get(reverse("accessibility")).content.decode()
    assert "Tilgængelighedserklæring" in statement
    assert "Digitaliseringsstyrelsen" in statement


@pytest.mark.django_db
def test_language_switch_to_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_header_shows_who_is_logged_in_and_roles(client, caseworker, administrator):
    client.force_login(caseworker)
    html = client.get(reverse("home")).content.decode()
    assert caseworker.full_name in html
    assert "Sagsbehandler" in html
    client.force_login(administrator)
    html = client.get(reverse("home")).content.decode()
    assert "Administrator" in html


def test_vendored_assets_are_local():
    from pathlib import Path

    base = (Path(__file__).resolve().parents[2] / "templates" / "base.html").read_text()
    assert "https://" not in base and "//cdn" not in base
    assert "vendor/htmx/htmx.min.js" in base
    assert "vendor/bootstrap/bootstrap.min.css" in base


@pytest.mark.django_db
def test_healthz_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get(reverse("healthz")).content == b"ok"


@pytest.mark.django_db
def test_danish_even_when_the_browser_prefers_english(client):
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="da">' in html


def test_csv_export_has_bom_semicolons_and_neutralises_formulas():
    from core.csvexport import csv_response

    response = csv_response("x.csv", ["Navn", "Beløb"], [['=HYPERLINK("x")', 5], ["Åse", None]])
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffNavn;Beløb")
    assert "'=HYPERLINK" in text
    assert "Åse;" in text
