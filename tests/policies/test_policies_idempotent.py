"""A second click on "Vedtag" or "Opret ny version" ends where the first did."""

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.urls import reverse

from policies.models import PolicyVersion
from policies.services import start_revision
from tests.concurrency import at_once

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_adopt_clicked_twice_ends_on_the_adopted_version(client, world, administrator):
    version = world["draft_policy"]
    url = reverse("policies:version_adopt", args=[version.pk])
    data = {
        "adopting_body": "committee",
        "committee": world["committee"].pk,
        "adopted_on": "2013-02-01",
    }
    client.force_login(administrator)
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == version.get_absolute_url()
    assert any("allerede vedtaget" in m for m in _messages(second))
    version.refresh_from_db()
    assert version.status == PolicyVersion.Status.ADOPTED


def test_new_version_clicked_twice_makes_one_draft(client, world, administrator):
    adopted = world["policy"]
    url = reverse("policies:version_revise", args=[adopted.pk])
    client.force_login(administrator)
    first = client.post(url)
    second = client.post(url)
    drafts = PolicyVersion.objects.filter(policy=adopted.policy, status="draft")
    assert drafts.count() == 1
    target = reverse("policies:version_edit", args=[drafts.get().pk])
    assert first["Location"] == second["Location"] == target
    assert any("findes allerede som kladde" in m for m in _messages(second))


@pytest.mark.skipif(
    not django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="concurrent requests need PostgreSQL's row locks",
)
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_new_version_requests_make_one_draft(world, administrator):
    adopted = world["policy"]
    results = at_once(lambda: start_revision(version=adopted).pk)
    assert len(results) == 2 and results[0] == results[1]
    assert PolicyVersion.objects.filter(policy=adopted.policy, status="draft").count() == 1
