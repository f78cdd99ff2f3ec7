"""The PDF status page never contradicts itself, offers the next step, and a second
rendition cannot be asked for while one is on its way."""

import pytest
from django.contrib.messages import INFO
from django.urls import reverse

from reports.models import Rendition

pytestmark = pytest.mark.django_db


def _status_url(rendition):
    return reverse("reports:rendition_status", args=[rendition.pk])


def test_done_status_page_never_says_genereres_and_offers_publish(client, world, administrator):
    client.force_login(administrator)
    rendition = world["draft_rendition"]
    # The note the render view leaves for the next page, as after pressing "Generér PDF".
    session_page = client.get(reverse("reports:manage", args=[rendition.report.pk]))
    assert session_page.status_code == 200
    from django.contrib.messages.storage.cookie import CookieStorage

    storage = CookieStorage(session_page.wsgi_request)
    storage.add(INFO, "PDF'en genereres nu. Siden viser, hvornår den er færdig.")
    storage.update(session_page)
    client.cookies.update(session_page.cookies)

    for headers in ({}, {"HX-Request": "true"}):
        html = client.get(_status_url(rendition), headers=headers).content.decode()
        assert "Færdig" in html
        assert "genereres" not in html.lower(), headers
        assert reverse("reports:publish", args=[rendition.report.pk]) in html
        assert "Offentliggør…" in html


@pytest.mark.parametrize("status", [Rendition.Status.QUEUED, Rendition.Status.RENDERING])
def test_render_button_is_disabled_with_a_reason_while_a_rendition_is_on_its_way(
    client, world, administrator, status
):
    client.force_login(administrator)
    report = world["draft_report"]
    Rendition.objects.create(
        report=report, content_html="<p>x</p>", source_checksum="x", status=status
    )
    html = client.get(reverse("reports:manage", args=[report.pk])).content.decode()
    button = html[html.index(reverse("reports:render", args=[report.pk])) :]
    button = button[button.index("<button") : button.index("</button>")]
    assert "disabled" in button and 'aria-describedby="render-busy"' in button
    assert 'id="render-busy"' in html


def test_render_button_is_enabled_when_no_rendition_is_on_its_way(client, world, administrator):
    client.force_login(administrator)
    report = world["draft_report"]
    html = client.get(reverse("reports:manage", args=[report.pk])).content.decode()
    button = html[html.index(reverse("reports:render", args=[report.pk])) :]
    button = button[button.index("<button") : button.index("</button>")]
    assert "disabled" not in button
