"""DOCX and ODT are looked into with bounded reads: a zip bomb is refused early and cheaply."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import ZIP_MAX_ENTRIES, AttachmentValidator
from councils.models import Attachment

ODT = "application/vnd.oasis.opendocument.text"
BOMB_BYTES = 50 * 1024 * 1024


def _zip(entries, *, method=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method, compresslevel=9) as archive:
        for name, data in entries:
            # mimetype first and stored, as ODF requires.
            archive.writestr(
                name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else method
            )
    return buffer.getvalue()


def _bomb(kind):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        if kind == "odt":
            z.writestr("mimetype", ODT, compress_type=zipfile.ZIP_STORED)
            bomb_name = "content.xml"
        elif kind == "odt-mimetype":
            bomb_name = "mimetype"
        else:
            z.writestr("[Content_Types].xml", "<Types/>")
            bomb_name = "word/document.xml"
        with z.open(bomb_name, "w", force_zip64=True) as entry:
            block = b"\0" * (1024 * 1024)
            for _ in range(BOMB_BYTES // len(block)):
                entry.write(block)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bombs():
    return {kind: _bomb(kind) for kind in ("docx", "odt", "odt-mimetype")}


@pytest.mark.parametrize("kind", ["docx", "odt", "odt-mimetype"])
def test_a_zip_bomb_is_refused_quickly_without_unpacking_it(bombs, kind):
    data = bombs[kind]
    assert len(data) < 200 * 1024
    upload = SimpleUploadedFile(f"bilag.{'docx' if kind == 'docx' else 'odt'}", data)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ValidationError) as refused:
            AttachmentValidator()(upload)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "unsafe_archive"
    assert "pakkes ud til langt mere" in refused.value.messages[0]
    assert peak < 3 * 1024 * 1024, f"peak {peak} bytes: the archive was unpacked"
    assert time.monotonic() - started < 2


def test_too_many_entries_are_refused():
    entries = [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")]
    entries += [(f"word/media/{n}.xml", "x") for n in range(ZIP_MAX_ENTRIES)]
    with pytest.raises(ValidationError) as refused:
        AttachmentValidator()(SimpleUploadedFile("bilag.docx", _zip(entries)))
    assert refused.value.code == "unsafe_archive"


def test_real_documents_are_still_accepted():
    docx = _zip(
        [
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document>" + "tekst " * 20000 + "</w:document>"),
        ]
    )
    odt = _zip([("mimetype", ODT), ("content.xml", "<office:document-content/>")])
    AttachmentValidator()(SimpleUploadedFile("bilag.docx", docx))
    AttachmentValidator()(SimpleUploadedFile("bilag.odt", odt))


@pytest.mark.django_db
def test_a_zip_bomb_posted_as_a_council_bilag_gets_a_danish_message(
    bombs, client, secretary, world
):
    client.force_login(secretary)
    before = Attachment.objects.count()
    response = client.post(
        reverse("councils:attachment_create", args=[world["item"].pk]),
        {"title": "Bombe", "file": SimpleUploadedFile("bilag.docx", bombs["docx"])},
    )
    assert response.status_code == 200
    assert "pakkes ud til langt mere" in response.content.decode()
    assert Attachment.objects.count() == before
