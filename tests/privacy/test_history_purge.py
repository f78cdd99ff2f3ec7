"""Point 4: an administrator removes personal data from one history entry; the entry stays,
its values become "[fjernet]", and the purge is recorded with its reason."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from policies.models import GoalUpdate
from privacy.history import PURGED
from privacy.models import PrivacyAction
from tests.policies.factories import GoalUpdateFactory

pytestmark = pytest.mark.django_db
SECRET = "Borgeren Bent Hansen, cpr 010203-1234"


@pytest.fixture
def update(world):
    update = GoalUpdateFactory(goal=world["goal"], participants=SECRET, what_was_done="Møde.")
    update.participants = "Brugerrådet"
    update.save()
    return update


def _urls(update, entry=None):
    kwargs = {"ct": ContentType.objects.get_for_model(GoalUpdate).pk, "object_id": update.pk}
    listing = reverse("privacy:history_entries", kwargs=kwargs)
    if entry is None:
        return listing
    return listing, reverse("privacy:history_purge", kwargs={**kwargs, "history_id": entry.pk})


def test_the_chosen_field_of_one_entry_is_purged_and_recorded(client, world, update):
    old, new = update.history.order_by("history_date", "pk")
    client.force_login(world.users["administrator"])
    listing, url = _urls(update, old)
    assert SECRET in client.get(listing).content.decode()
    form = client.get(url).content.decode()
    assert "participants" in form and "channel" not in form  # choices are not free text

    response = client.post(
        url, {"fields_to_purge": ["participants"], "reason": "Anmodning 4. maj.", "confirm": "on"}
    )

    assert response.status_code == 302 and response["Location"] == listing
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.participants == PURGED
    assert old.what_was_done == "Møde."  # not chosen, kept
    assert new.participants == "Brugerrådet"  # the other entry is untouched
    assert update.history.count() == 2  # the entry stays
    record = PrivacyAction.objects.get()
    assert record.action == PrivacyAction.Kind.PURGE_HISTORY
    assert record.reason == "Anmodning 4. maj." and record.actor == world.users["administrator"]
    assert record.details == {"history_id": old.pk, "fields": ["participants"]}
    assert SECRET not in client.get(listing).content.decode()


def test_without_reason_or_field_nothing_changes(client, world, update):
    old = update.history.earliest()
    client.force_login(world.users["administrator"])
    _listing, url = _urls(update, old)
    response = client.post(url, {"fields_to_purge": [], "reason": "", "confirm": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg mindst ét felt." in html and "Skriv en begrundelse" in html
    old.refresh_from_db()
    assert old.participants == SECRET
    assert not PrivacyAction.objects.exists()


def test_a_field_that_is_not_free_text_cannot_be_purged(client, world, update):
    old = update.history.earliest()
    client.force_login(world.users["administrator"])
    _listing, url = _urls(update, old)
    response = client.post(
        url, {"fields_to_purge": ["channel"], "reason": "Forsøg.", "confirm": "on"}
    )
    assert response.status_code == 200
    old.refresh_from_db()
    assert old.channel == update.channel
