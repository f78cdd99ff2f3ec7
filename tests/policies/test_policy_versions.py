"""Policies: drafts, adoption (which freezes a version), revisions and the version history."""

import pytest
from django.urls import reverse

from policies.models import PolicyVersion
from policies.services import start_revision

pytestmark = pytest.mark.django_db


def test_public_sees_adopted_and_archived_versions_but_not_drafts(client, world):
    page = client.get(reverse("policies:policy_list")).content.decode()
    assert "Politik for brugerinddragelse" in page
    assert "Politik for pårørendeinddragelse" not in page
    detail = client.get(reverse("policies:policy_detail", args=[world["policy"].policy_id]))
    assert detail.context["version"] == world["policy"]
    assert [v.number for v in detail.context["versions"]] == [2, 1]
    archived = client.get(world["archived_policy"].get_absolute_url()).content.decode()
    assert "Dette er en arkiveret version" in archived
    assert client.get(world["draft_policy"].get_absolute_url()).status_code == 404


def test_policy_page_shows_sections_and_the_ladder_with_definitions(client, world):
    page = client.get(world["policy"].get_absolute_url()).content.decode()
    assert "Hvorfor brugerinddragelse?" in page
    assert "Brugere kan bidrage med erfaringer og viden." in page
    for term in ("Brugerstyring", "Brugerindflydelse", "Brugerinddragelse", "Brugerdeltagelse"):
        assert term in page
    assert "selv formulerer værdier og udstikker rammer" in page


def test_administrator_creates_edits_and_adopts_a_policy(client, administrator, world):
    client.force_login(administrator)
    response = client.post(
        reverse("policies:policy_create"),
        {"title": "Politik for ældreråd", "why": "Fordi ældre ved bedst.", "purpose": ""},
    )
    version = PolicyVersion.objects.get(title="Politik for ældreråd")
    assert response.status_code == 302
    assert (version.number, version.status) == (1, "draft")
    assert client.get(reverse("policies:policy_list")).status_code == 200

    edit = reverse("policies:version_edit", args=[version.pk])
    assert (
        client.post(edit, {"title": "Politik for ældreråd", "why": "Ny tekst."}).status_code == 302
    )
    version.refresh_from_db()
    assert version.why == "Ny tekst."

    adopt = reverse("policies:version_adopt", args=[version.pk])
    refused = client.post(adopt, {"adopting_body": "committee", "adopted_on": "2013-02-01"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["committee"] == [
        "Vælg det udvalg, der har vedtaget politikken."
    ]
    committee = world["committee"]
    response = client.post(
        adopt,
        {"adopting_body": "committee", "committee": committee.pk, "adopted_on": "2013-02-01"},
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == "adopted"
    assert version.adopted_by_label == "Socialudvalget"
    client.logout()
    assert client.get(version.get_absolute_url()).status_code == 200


def test_an_adopted_version_is_frozen(client, administrator, world):
    policy = world["policy"]
    client.force_login(administrator)
    edit = reverse("policies:version_edit", args=[policy.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"title": "Overskrevet"}).status_code == 403
    policy.refresh_from_db()
    assert policy.title == "Politik for brugerinddragelse"
    page = client.get(policy.get_absolute_url()).content.decode()
    assert edit not in page
    assert reverse("policies:version_revise", args=[policy.pk]) in page


def test_changing_an_adopted_policy_starts_a_new_draft_version(client, administrator, world):
    policy = world["policy"]
    client.force_login(administrator)
    response = client.post(reverse("policies:version_revise", args=[policy.pk]))
    draft = PolicyVersion.objects.get(policy=policy.policy, status="draft")
    assert response["Location"] == reverse("policies:version_edit", args=[draft.pk])
    assert draft.number == 3
    assert (draft.title, draft.why) == (policy.title, policy.why)
    # A second "change" leads to the same draft.
    assert start_revision(version=policy) == draft
    # The public still sees version 2 until the draft is adopted.
    client.logout()
    detail = client.get(reverse("policies:policy_detail", args=[policy.policy_id]))
    assert detail.context["version"] == policy
    assert draft not in detail.context["versions"]


def test_adopting_a_new_version_archives_the_old_one(client, administrator, world):
    policy = world["policy"]
    draft = start_revision(version=policy)
    client.force_login(administrator)
    response = client.post(
        reverse("policies:version_adopt", args=[draft.pk]),
        {"adopting_body": "city_council", "adopted_on": "2014-03-01"},
    )
    assert response.status_code == 302
    policy.refresh_from_db()
    draft.refresh_from_db()
    assert (policy.status, str(policy.archived_on)) == ("archived", "2014-03-01")
    assert draft.status == "adopted"
    # Goals set under the old version stay public: they were set under an adopted policy.
    client.logout()
    assert client.get(world["goal"].get_absolute_url()).status_code == 200


def test_archive_needs_confirmation(client, administrator, world):
    policy = world["policy"]
    client.force_login(administrator)
    url = reverse("policies:version_archive", args=[policy.pk])
    assert "Ja, arkiver versionen" in client.get(url).content.decode()
    policy.refresh_from_db()
    assert policy.status == "adopted"
    client.post(url)
    policy.refresh_from_db()
    assert policy.status == "archived"


def test_policy_history_shows_who_changed_which_field(client, administrator, world):
    draft = world["draft_policy"]
    client.force_login(administrator)
    client.post(
        reverse("policies:version_edit", args=[draft.pk]),
        {"title": draft.title, "why": "En helt ny begrundelse.", "purpose": draft.purpose},
    )
    response = client.get(draft.get_absolute_url())
    entry = response.context["history"][0]
    assert entry.who == administrator
    changed = {c.label: (c.before, c.after) for c in entry.changes}
    assert changed == {
        "Hvorfor brugerinddragelse?": (
            "Brugere kan bidrage med erfaringer og viden.",
            "En helt ny begrundelse.",
        )
    }
    page = response.content.decode()
    assert "En helt ny begrundelse." in page
    assert administrator.full_name in page
