"""A file and the row that points at it are written and removed together.

The faults are injected at the database: the INSERT (or DELETE) statement fails
as a dropped connection or lock timeout would, after the file is on disk.
"""

from pathlib import Path
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, transaction
from django.db.models.sql.compiler import SQLDeleteCompiler, SQLInsertCompiler
from django.urls import reverse

from core.files import delete_files_on_commit
from councils import services as council_services
from councils.models import Attachment
from reports import services as report_services
from reports.models import ReportAttachment
from tests.reports.factories import TINY_PDF

pytestmark = pytest.mark.django_db


def _stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _failing(compiler):
    return mock.patch.object(
        compiler, "execute_sql", side_effect=OperationalError("canceling statement: lock timeout")
    )


def _pdf(name="bilag.pdf"):
    return SimpleUploadedFile(name, TINY_PDF, content_type="application/pdf")


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


UPLOADS = [
    (
        "council",
        "secretary",
        lambda w: reverse("councils:attachment_create", args=[w["item"].pk]),
        lambda: {"title": "Referat"},
        Attachment,
    ),
    (
        "report",
        "administrator",
        lambda w: reverse("reports:attachment_add", args=[w["draft_report"].pk]),
        lambda: {"title": "Statusbeskrivelse", "position": "10"},
        ReportAttachment,
    ),
]


@pytest.mark.parametrize(("kind", "role", "url", "data", "model"), UPLOADS, ids=lambda v: v)
def test_a_failed_row_insert_leaves_no_uploaded_file_behind(
    failing_client, world, settings, kind, role, url, data, model
):
    failing_client.force_login(world.users[role])
    before_files, before_rows = _stored_files(settings), model.objects.count()
    with _failing(SQLInsertCompiler):
        response = failing_client.post(url(world), {**data(), "file": _pdf()})
    assert response.status_code == 500
    assert model.objects.count() == before_rows
    assert _stored_files(settings) == before_files, "the uploaded file must not stay on disk"


@pytest.mark.parametrize(("kind", "role", "url", "data", "model"), UPLOADS, ids=lambda v: v)
def test_an_upload_that_works_keeps_its_file(client, world, settings, kind, role, url, data, model):
    client.force_login(world.users[role])
    before = _stored_files(settings)
    response = client.post(url(world), {**data(), "file": _pdf()})
    assert response.status_code == 302
    added = _stored_files(settings) - before
    row = model.objects.order_by("-pk").first()
    assert added == {row.file.name}


def test_council_bilag_upload_rechecks_the_agenda_lock_under_the_row_lock(world, settings):
    item = world["item"]
    before = _stored_files(settings)
    # Minutes approved while the 15 MB upload was on its way.
    type(item.meeting).objects.filter(pk=item.meeting_id).update(status="minutes_approved")
    with pytest.raises(council_services.AgendaLocked):
        council_services.add_attachment(
            attachment=Attachment(item=item), upload=_pdf(), user=world.users["secretary"]
        )
    assert _stored_files(settings) == before


DELETES = [
    (
        "council",
        "secretary",
        "attachment",
        lambda a: reverse("councils:attachment_delete", args=[a.pk]),
    ),
    (
        "report",
        "administrator",
        "draft_report_attachment",
        lambda a: reverse("reports:attachment_delete", args=[a.pk]),
    ),
]


@pytest.mark.parametrize(("kind", "role", "key", "url"), DELETES, ids=lambda v: v)
def test_a_failed_row_delete_leaves_the_file_in_place(failing_client, world, kind, role, key, url):
    attachment = world[key]
    failing_client.force_login(world.users[role])
    with _failing(SQLDeleteCompiler):
        response = failing_client.post(url(attachment))
    assert response.status_code == 500
    assert type(attachment).objects.filter(pk=attachment.pk).exists()
    assert default_storage.exists(attachment.file.name), "the listed bilag must still open"


@pytest.mark.parametrize(("kind", "role", "key", "url"), DELETES, ids=lambda v: v)
def test_a_delete_removes_the_file_only_after_commit(
    client, world, django_capture_on_commit_callbacks, kind, role, key, url
):
    attachment = world[key]
    client.force_login(world.users[role])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url(attachment))
        assert response.status_code == 302
        assert not type(attachment).objects.filter(pk=attachment.pk).exists()
        assert default_storage.exists(attachment.file.name), "the file waits for the commit"
    for callback in callbacks:
        callback()
    assert not default_storage.exists(attachment.file.name)


def test_deleting_an_agenda_item_removes_its_bilag_files_after_commit(
    world, django_capture_on_commit_callbacks
):
    item = world["item"]
    names = [a.file.name for a in item.attachments.all()]
    assert names
    with django_capture_on_commit_callbacks(execute=True):
        council_services.delete_item(item=item)
    assert not any(default_storage.exists(name) for name in names)


def test_a_failed_item_delete_keeps_its_bilag_files(world):
    item = world["item"]
    names = [a.file.name for a in item.attachments.all()]
    with _failing(SQLDeleteCompiler), pytest.raises(OperationalError):
        council_services.delete_item(item=item)
    assert all(default_storage.exists(name) for name in names)


def test_replacing_a_report_bilag_file_deletes_the_old_one_after_commit(
    client, world, administrator, django_capture_on_commit_callbacks
):
    attachment = world["draft_report_attachment"]
    old = attachment.file.name
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:attachment_edit", args=[attachment.pk]),
            {"title": attachment.title, "position": "1", "file": _pdf("ny.pdf")},
        )
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.file.name != old and default_storage.exists(attachment.file.name)
    assert not default_storage.exists(old)


def test_a_file_shared_with_an_earlier_version_is_kept(world, django_capture_on_commit_callbacks):
    published = world["published_report"]
    draft = report_services.new_version(report=published)
    copy = draft.attachments.get()
    with django_capture_on_commit_callbacks(execute=True):
        report_services.delete_attachment(attachment=copy)
    assert default_storage.exists(copy.file.name), "version 1 still shows this bilag"


def test_delete_files_on_commit_keeps_the_file_when_the_transaction_rolls_back(settings):
    name = default_storage.save("tmp/x.pdf", ContentFile(TINY_PDF))
    with pytest.raises(RuntimeError), transaction.atomic():
        delete_files_on_commit((default_storage, name))
        raise RuntimeError
    assert default_storage.exists(name)
