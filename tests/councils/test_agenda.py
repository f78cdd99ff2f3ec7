import pytest
from django.urls import reverse

from councils.models import AgendaItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_secretary(client, secretary):
    client.force_login(secretary)
    return client


def _titles(meeting):
    return list(meeting.items.order_by("number").values_list("number", "title"))


def test_new_item_goes_last(as_secretary, world):
    meeting = world["meeting"]
    as_secretary.post(
        reverse("councils:item_create", args=[meeting.pk]),
        {"title": "Budget", "kind": "budget", "body": "Forslag"},
    )
    assert _titles(meeting)[-1] == (3, "Budget")


def test_item_needs_title_and_kind(as_secretary, world):
    response = as_secretary.post(reverse("councils:item_create", args=[world["meeting"].pk]), {})
    body = response.content.decode()
    assert "Giv punktet en titel." in body
    assert "Vælg hvilken type punkt det er." in body


def test_moving_items_renumbers_them(as_secretary, world):
    meeting, item = world["meeting"], world["item"]
    as_secretary.post(reverse("councils:item_move", args=[item.pk]), {"direction": "down"})
    assert _titles(meeting) == [(1, "Eventuelt"), (2, "Høring om åbningstider")]
    as_secretary.post(reverse("councils:item_move", args=[item.pk]), {"direction": "up"})
    assert _titles(meeting) == [(1, "Høring om åbningstider"), (2, "Eventuelt")]
    # Moving the first item up changes nothing.
    as_secretary.post(reverse("councils:item_move", args=[item.pk]), {"direction": "up"})
    assert _titles(meeting) == [(1, "Høring om åbningstider"), (2, "Eventuelt")]


def test_numbers_follow_order_on_the_page(as_secretary, world):
    as_secretary.post(reverse("councils:item_move", args=[world["item2"].pk]), {"direction": "up"})
    body = as_secretary.get(world["meeting"].get_absolute_url()).content.decode()
    assert body.index("1. Eventuelt") < body.index("2. Høring om åbningstider")


def test_deleting_an_item_closes_the_gap(as_secretary, world):
    meeting = world["meeting"]
    as_secretary.post(reverse("councils:item_delete", args=[world["item"].pk]))
    assert _titles(meeting) == [(1, "Eventuelt")]
    assert not AgendaItem.objects.filter(pk=world["item"].pk).exists()


def test_gaps_left_by_old_data_are_closed_when_moving(as_secretary, world):
    meeting = world["meeting"]
    AgendaItem.objects.filter(pk=world["item2"].pk).update(number=7)
    as_secretary.post(reverse("councils:item_move", args=[world["item2"].pk]), {"direction": "up"})
    assert _titles(meeting) == [(1, "Eventuelt"), (2, "Høring om åbningstider")]
