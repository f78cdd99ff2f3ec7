"""Goal-update attachments: random stored names, the original name kept, no orphan files."""

import re
from importlib import import_module
from pathlib import Path, PurePath
from unittest import mock

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from django.urls import reverse

from core.files import atomic_with_files
from policies.models import GoalUpdate, GoalUpdateAttachment
from tests.policies.factories import PDF_BYTES, GoalUpdateAttachmentFactory

pytestmark = pytest.mark.django_db

RANDOM = re.compile(r"^policies/updates/[0-9a-f]{32}\.pdf$")
UPDATE = {
    "date": "2011-09-01",
    "channel": "dialogue_meeting",
    "participants": "Brugerrådet",
    "what_was_done": "Dialogmøde om bilag.",
    "what_changed": "",
}


def _pdf(name):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_stored_under_a_random_name_and_downloaded_under_the_original(client, world, caseworker):
    client.force_login(caseworker)
    url = reverse("policies:update_create", args=[world["goal"].pk])
    name = "Referat Jens Hansen æøå.PDF"
    assert client.post(url, {**UPDATE, "attachments": [_pdf(name)]}).status_code == 302
    attachment = GoalUpdateAttachment.objects.get(update__what_was_done="Dialogmøde om bilag.")
    assert RANDOM.match(attachment.file.name), attachment.file.name
    assert "Jens" not in attachment.file.name
    assert attachment.original_name == name
    update_page = client.get(attachment.update.get_absolute_url()).content.decode()
    assert name in update_page
    response = client.get(attachment.get_absolute_url())
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "attachment;" in response["Content-Disposition"]
    # The non-ASCII name travels RFC 5987-encoded.
    assert "Referat%20Jens%20Hansen%20%C3%A6%C3%B8%C3%A5.PDF" in response["Content-Disposition"]


def test_a_path_in_the_uploaded_name_is_not_kept(world, caseworker):
    from policies import services

    upload = _pdf("x.pdf")
    upload.name = "../../etc/referat.pdf"
    (attachment,) = services.add_attachments(
        update=world["update"], files=[upload], user=caseworker
    )
    assert attachment.original_name == "referat.pdf"
    assert RANDOM.match(attachment.file.name)


def test_a_failing_save_leaves_no_file_and_no_row(client, world, caseworker, settings):
    client.force_login(caseworker)
    url = reverse("policies:update_create", args=[world["goal"].pk])
    before = _stored_files(settings)
    counts = GoalUpdate.objects.count(), GoalUpdateAttachment.objects.count()
    real_save = GoalUpdateAttachment.save
    calls = []

    def second_save_fails(self, *args, **kwargs):
        calls.append(self.file.name)
        if len(calls) == 2:
            raise DatabaseError("disk full")
        return real_save(self, *args, **kwargs)

    with (
        mock.patch.object(GoalUpdateAttachment, "save", second_save_fails),
        pytest.raises(DatabaseError),
    ):
        client.post(url, {**UPDATE, "attachments": [_pdf("a.pdf"), _pdf("b.pdf")]})
    assert len(calls) == 2  # both files had been written when the error came
    assert _stored_files(settings) == before
    assert (GoalUpdate.objects.count(), GoalUpdateAttachment.objects.count()) == counts


def test_atomic_with_files_deletes_only_on_failure(world):
    with pytest.raises(RuntimeError), atomic_with_files() as stored:
        field_file = GoalUpdateAttachment(update=world["update"]).file
        name = stored.save(field_file, "a.pdf", ContentFile(PDF_BYTES))
        assert default_storage.exists(name)
        raise RuntimeError("later failure")
    assert not default_storage.exists(name)

    with atomic_with_files() as stored:
        kept = stored.save(
            GoalUpdateAttachment(update=world["update"]).file, "b.pdf", ContentFile(PDF_BYTES)
        )
    assert default_storage.exists(kept)


def test_outer_failure_deletes_files_of_a_finished_inner_block(world):
    with pytest.raises(RuntimeError), atomic_with_files():
        with atomic_with_files() as inner:
            name = inner.save(
                GoalUpdateAttachment(update=world["update"]).file,
                "c.pdf",
                ContentFile(PDF_BYTES),
            )
        assert default_storage.exists(name)
        raise RuntimeError("later failure")
    assert not default_storage.exists(name)


def test_data_migration_keeps_the_name_and_moves_the_file(
    world, django_capture_on_commit_callbacks
):
    old = GoalUpdateAttachmentFactory(update=world["update"], original_name="")
    # As stored before random names: under the uploader's own name.
    legacy = default_storage.save("policies/updates/7/Mødereferat Jens.pdf", ContentFile(PDF_BYTES))
    GoalUpdateAttachment.objects.filter(pk=old.pk).update(file=legacy)
    kept = GoalUpdateAttachmentFactory(update=world["update"], original_name="Referat.pdf")
    migration = import_module("policies.migrations.0002_attachment_original_name")

    with django_capture_on_commit_callbacks(execute=True):
        migration.random_names(apps, mock.Mock(connection=connection))

    old.refresh_from_db()
    assert old.original_name == "Mødereferat Jens.pdf"
    assert RANDOM.match(old.file.name)
    assert old.file.read() == PDF_BYTES
    assert not default_storage.exists(legacy)
    kept.refresh_from_db()
    assert kept.original_name == "Referat.pdf"
    assert PurePath(kept.file.name).suffix == ".pdf"
