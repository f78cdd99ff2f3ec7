"""Goal updates: documenting the dialogue with users, with attachments."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from policies.models import GoalUpdate, GoalUpdateAttachment
from tests.policies.factories import PDF_BYTES

pytestmark = pytest.mark.django_db

UPDATE = {
    "date": "2011-09-01",
    "channel": "dialogue_meeting",
    "participants": "Brugerrådet og to pårørende",
    "what_was_done": "Dialogmøde om åbningstider.",
    "what_changed": "Åbent til kl. 19 om torsdagen.",
}


def _pdf(name="referat.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def test_caseworker_adds_an_update_with_attachments(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    url = reverse("policies:update_create", args=[goal.pk])
    response = client.post(url, {**UPDATE, "attachments": [_pdf("a.pdf"), _pdf("b.pdf")]})
    assert response.status_code == 302
    update = GoalUpdate.objects.get(what_was_done="Dialogmøde om åbningstider.")
    assert update.goal == goal
    assert update.author == caseworker
    assert sorted(a.original_name for a in update.attachments.all()) == ["a.pdf", "b.pdf"]
    page = client.get(goal.get_absolute_url()).content.decode()
    assert "Dialogmøde om åbningstider." in page
    assert "Åbent til kl. 19 om torsdagen." in page


def test_a_renamed_executable_is_refused_and_nothing_stored(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    fake = SimpleUploadedFile("bilag.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    before = GoalUpdate.objects.count(), GoalUpdateAttachment.objects.count()
    response = client.post(
        reverse("policies:update_create", args=[goal.pk]), {**UPDATE, "attachments": [fake]}
    )
    assert response.status_code == 200
    assert "Filtypen er ikke tilladt" in str(response.context["form"].errors["attachments"])
    assert (GoalUpdate.objects.count(), GoalUpdateAttachment.objects.count()) == before


def test_update_requires_what_was_done_and_a_known_channel(client, world, caseworker):
    client.force_login(caseworker)
    response = client.post(
        reverse("policies:update_create", args=[world["goal"].pk]),
        {**UPDATE, "what_was_done": "", "channel": "telepati"},
    )
    errors = response.context["form"].errors
    assert errors["what_was_done"] == ["Udfyld feltet »Hvad blev gjort?«."]
    assert "channel" in errors


def test_attachment_is_served_only_to_those_who_may_read_the_goal(client, world, caseworker):
    public = world["goal_attachment"]
    response = client.get(public.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    internal = world["draft_goal_attachment"]
    assert client.get(internal.get_absolute_url()).status_code == 404
    client.force_login(caseworker)
    assert client.get(internal.get_absolute_url()).status_code == 200


def test_update_history_shows_edits_and_attachments(client, world, caseworker):
    update = world["update"]
    client.force_login(caseworker)
    edit = reverse("policies:update_edit", args=[update.pk])
    response = client.post(
        edit, {**UPDATE, "what_changed": "Ny åbningstid.", "attachments": [_pdf("nyt.pdf")]}
    )
    assert response.status_code == 302
    page = client.get(update.get_absolute_url()).content.decode()
    assert "Historik" in page
    assert "Bilag tilføjet: nyt.pdf" in page
    assert "Åbningstiden blev udvidet." in page  # before
    assert "Ny åbningstid." in page  # after
    assert caseworker.full_name in page


def test_delete_update_removes_its_attachments(
    client, world, caseworker, django_capture_on_commit_callbacks
):
    update = world["update"]
    attachment = world["goal_attachment"]
    path = attachment.file.path
    client.force_login(caseworker)
    url = reverse("policies:update_delete", args=[update.pk])
    assert "referat.pdf" in client.get(url).content.decode()
    assert os.path.exists(path)
    # The file goes only once the deletion is committed.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not GoalUpdate.objects.filter(pk=update.pk).exists()
    assert not GoalUpdateAttachment.objects.filter(pk=attachment.pk).exists()
    assert not os.path.exists(path)


def test_delete_attachment_after_confirmation(client, world, caseworker):
    attachment = world["goal_attachment"]
    client.force_login(caseworker)
    url = reverse("policies:attachment_delete", args=[attachment.pk])
    assert "Ja, slet bilaget" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not GoalUpdateAttachment.objects.filter(pk=attachment.pk).exists()
    page = client.get(world["update"].get_absolute_url()).content.decode()
    assert "Bilag fjernet: referat.pdf" in page
