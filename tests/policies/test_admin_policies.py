"""An adopted policy version is frozen in the Django admin as in the portal."""

import pytest
from django.urls import reverse

from policies.models import PolicyVersion
from tests.adminform import change_url, delete_selected, delete_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def _row(version):
    return PolicyVersion.objects.filter(pk=version.pk).values().get()


def test_adopted_version_page_is_read_only(admin_client, world):
    body = admin_client.get(change_url(world["policy"])).content.decode()
    assert 'name="title"' not in body and 'name="_save"' not in body


def test_posted_change_of_an_adopted_version_is_refused(admin_client, world):
    version = world["policy"]
    before = _row(version)
    data = form_data(admin_client, change_url(version))
    data.update({"title": "Omskrevet politik", "status": "draft", "purpose": "Andet formål"})
    assert admin_client.post(change_url(version), data).status_code == 403
    assert _row(version) == before


def test_adopted_version_cannot_be_reverted_from_its_history(admin_client, world):
    version = world["policy"]
    # The version's history holds it as it was while still a draft…
    version.history.update(status="draft", title="Udkast til politik", adopted_on=None)
    old = version.history.earliest()
    url = reverse("admin:policies_policyversion_simple_history", args=[version.pk, old.history_id])
    assert admin_client.get(url).status_code == 200
    # …and posting that page back must not make the adopted version a draft again.
    before = _row(version)
    assert admin_client.post(url, {}).status_code == 403
    assert _row(version) == before


@pytest.mark.parametrize("name", ["policy", "archived_policy"])
def test_adopted_and_archived_versions_cannot_be_deleted(admin_client, world, name):
    version = world[name]
    assert admin_client.get(delete_url(version)).status_code == 403
    assert admin_client.post(delete_url(version), {"post": "yes"}).status_code == 403
    assert delete_selected(admin_client, [version]).status_code in (200, 403)
    assert PolicyVersion.objects.filter(pk=version.pk).exists()


def test_draft_version_can_still_be_deleted(admin_client):
    from tests.policies.factories import PolicyVersionFactory

    draft = PolicyVersionFactory(title="Oprettet ved en fejl")
    assert admin_client.post(delete_url(draft), {"post": "yes"}).status_code == 302
    assert not PolicyVersion.objects.filter(pk=draft.pk).exists()
