"""Point 7: a member who has not consented to be listed is shown to the public by seat type
and organisation only, never by the free-text description of the seat."""

import pytest
from django.urls import reverse

from councils.models import Membership

pytestmark = pytest.mark.django_db
DESCRIPTION = "Pædagog, aflastningstilbuddet BESKRIVELSE7"
PUBLIC_VIEWERS = ["anonymous", "outsider", "caseworker", "other_caseworker"]


def _public_pages(world):
    """Every page that lists members or their seats, for both councils."""
    urls = [reverse("councils:list"), reverse("home")]
    for council in [world["council"], world["other_council"]]:
        urls.append(reverse("councils:detail", args=[council.pk]))
        urls.append(reverse("councils:council_feed", args=[council.pk]))
    for name in ["approved_meeting", "public_meeting", "meeting", "held_meeting"]:
        urls.append(world[name].get_absolute_url())
    return urls


def _get(client, world, role, url):
    client.logout()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client.get(url).content.decode()


@pytest.fixture
def described(world):
    Membership.objects.update(description=DESCRIPTION, listed_publicly=False)


def test_no_public_page_shows_the_description_of_an_unlisted_member(client, world, described):
    for role in PUBLIC_VIEWERS:
        if role == "outsider":
            # The outsider sits in other_council: there they see names and descriptions.
            Membership.objects.filter(council=world["other_council"]).update(description="")
        for url in _public_pages(world):
            assert DESCRIPTION not in _get(client, world, role, url), (role, url)


def test_members_still_see_the_description(client, world, described):
    html = _get(client, world, "member", reverse("councils:detail", args=[world["council"].pk]))
    assert DESCRIPTION in html


def test_a_member_who_consented_is_shown_with_the_description(client, world, described):
    Membership.objects.filter(user=world.users["member"]).update(listed_publicly=True)
    url = reverse("councils:detail", args=[world["council"].pk])
    html = _get(client, world, "anonymous", url)
    assert DESCRIPTION in html and "Mia Medlem" in html
    assert html.count(DESCRIPTION) == 1
