import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.pagecache import HEADER, MARKER

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _without_tokens(response):
    return re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_anonymous_visitors_share_one_copy_of_a_public_page(world, client):
    url = reverse("councils:list")
    first = client.get(url)
    assert first[HEADER] == "miss"
    second = Client().get(url)
    assert second[HEADER] == "hit"
    assert second.status_code == 200
    assert _without_tokens(second) == _without_tokens(first)
    assert MARKER not in second.content.decode()
    assert TOKEN.search(second.content.decode())


def test_a_served_copy_carries_a_working_token_of_the_visitors_own(world):
    url = reverse("councils:list")
    Client().get(url)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    assert page[HEADER] == "hit"
    token = TOKEN.search(page.content.decode()).group(1)
    answer = visitor.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302
    forged = Client(enforce_csrf_checks=True)
    forged.get(reverse("accessibility"))  # a cookie of its own
    refused = forged.post(reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": token})
    assert refused.status_code == 403


def test_logged_in_users_neither_read_nor_fill_the_cache(world, client, member):
    url = reverse("councils:list")
    Client().get(url)
    client.force_login(member)
    response = client.get(url)
    assert HEADER not in response
    cache.clear()
    client.get(url)
    assert Client().get(url)[HEADER] == "miss"


def test_members_only_pages_are_never_cached(world, client):
    meeting = world["meeting"]
    for _ in range(2):
        response = client.get(meeting.get_absolute_url())
        assert HEADER not in response


def test_each_address_and_language_has_its_own_copy(world, client):
    url = reverse("councils:list")
    client.get(url)
    assert client.get(url, {"page": 2})[HEADER] == "miss"
    english = Client()
    english.cookies["django_language"] = "en"
    assert english.get(url)[HEADER] == "miss"


def test_the_cache_is_off_at_zero_seconds(world, client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    url = reverse("councils:list")
    client.get(url)
    assert HEADER not in client.get(url)
