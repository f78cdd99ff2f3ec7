"""Point 6: the privacy notice states what the settings say, including the real retention
periods, and is linked from the footer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_notice_is_built_from_the_settings(client, settings):
    settings.PORTAL_PRIVACY_CONTROLLER = "Testby Kommune, Torvet 1"
    settings.PORTAL_PRIVACY_DPO_CONTACT = "dpo@testby.invalid"
    settings.PORTAL_PRIVACY_LEGAL_BASIS = "Personvernforordningen art. 6 nr. 1 bokstav e"
    settings.PORTAL_PRIVACY_AUTHORITY_URL = "https://www.datatilsynet.no/"
    settings.PORTAL_RETENTION_COMMENT_YEARS = 7
    settings.PORTAL_RETENTION_ACCESS_LOG_MONTHS = 9
    settings.PORTAL_RETENTION_HIDDEN_COMMENT_DAYS = 45
    settings.PORTAL_RETENTION_FORMER_MEMBER_YEARS = 3

    html = client.get(reverse("privacy:notice")).content.decode()

    for text in [
        "Testby Kommune, Torvet 1",
        "dpo@testby.invalid",
        "Personvernforordningen art. 6 nr. 1 bokstav e",
        'href="https://www.datatilsynet.no/"',
        "efter 7 år",
        "efter 9 måneder",
        "efter 45 dage",
        "efter 3 år",
        reverse("privacy:my_data"),
    ]:
        assert text in html, text


def test_the_footer_links_to_the_notice(client, world):
    for user in [None, *world.users.values()]:
        client.logout()
        if user:
            client.force_login(user)
        assert reverse("privacy:notice") in client.get(reverse("home")).content.decode()
