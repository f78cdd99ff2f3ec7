"""The one rule for uploaded files (council bilag, goal-update attachments, report bilag).

The type is decided from the file's content, never from its name: a renamed
.exe is refused even when it is called ``bilag.pdf``.
"""

import zipfile
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# What we accept, by the MIME type found in the content → allowed name endings.
ALLOWED_TYPES = {
    "application/pdf": {".pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
}
ALLOWED_LABEL = "PDF, DOCX, ODT, PNG, JPEG"


def sniff_content_type(uploaded) -> str | None:
    """The MIME type the bytes say, with zip containers (DOCX, ODT) told apart."""
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.mime in (
        "application/zip",
        "application/vnd.oasis.opendocument.text",
    ) or kind.extension in ("docx", "odt", "zip"):
        return _zip_document_type(uploaded)
    return kind.mime


# Bounds for looking inside a DOCX/ODT. A real document of at most 20 MB has a few hundred
# entries and unpacks to well under 100 MB; a zip bomb of a few KB unpacks to gigabytes.
# Declared sizes are checked first; then every entry is read in chunks (which also checks
# its CRC), counting what is actually unpacked and stopping at the first limit passed.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
# Unpacked/packed, for an entry of more than ZIP_RATIO_FLOOR_BYTES: text XML packs about
# 10:1, a zip bomb 1000:1.
ZIP_MAX_RATIO = 100
ZIP_RATIO_FLOOR_BYTES = 1024 * 1024
ZIP_CHUNK_BYTES = 64 * 1024


class UnsafeArchive(Exception):
    """The archive unpacks to more than a document may."""


def _read_bounded(archive, info, budget: int) -> tuple[bytes, int]:
    """The entry's first bytes (for ``mimetype``) and the bytes unpacked, within ``budget``."""
    head, unpacked = b"", 0
    ratio_limit = max(ZIP_RATIO_FLOOR_BYTES, ZIP_MAX_RATIO * max(info.compress_size, 1))
    with archive.open(info) as entry:
        while chunk := entry.read(ZIP_CHUNK_BYTES):
            if len(head) < 256:
                head += chunk[: 256 - len(head)]
            unpacked += len(chunk)
            if unpacked > budget or unpacked > ratio_limit:
                raise UnsafeArchive
    return head, unpacked


def _zip_document_type(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            infos = archive.infolist()
            if len(infos) > ZIP_MAX_ENTRIES:
                raise UnsafeArchive
            if sum(info.file_size for info in infos) > ZIP_MAX_UNCOMPRESSED_BYTES:
                raise UnsafeArchive
            for info in infos:
                if info.file_size > ZIP_RATIO_FLOOR_BYTES and info.file_size > ZIP_MAX_RATIO * max(
                    info.compress_size, 1
                ):
                    raise UnsafeArchive
            budget, mimetype = ZIP_MAX_UNCOMPRESSED_BYTES, None
            for info in infos:
                head, unpacked = _read_bounded(archive, info, budget)
                budget -= unpacked
                if info.filename == "mimetype":
                    mimetype = head.decode("ascii", "replace").strip()
            names = {info.filename for info in infos}
            if mimetype is not None:
                return mimetype if mimetype in ALLOWED_TYPES else None
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            return None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        OSError,
        EOFError,
    ):
        # Damaged, encrypted or using a compression we cannot read: not a document we accept.
        return None
    finally:
        uploaded.seek(0)


@deconstructible
class AttachmentValidator:
    """Validates size, content type, and that the name's ending matches the content."""

    def __init__(self, max_bytes: int | None = None):
        # None: settings.PORTAL_MAX_UPLOAD_MB, read at each upload (the upload handler uses it too).
        self.max_bytes = max_bytes

    def __call__(self, uploaded):
        max_bytes = self.max_bytes or settings.PORTAL_MAX_UPLOAD_MB * 1024 * 1024
        if uploaded.size > max_bytes:
            raise ValidationError(
                _("Filen er for stor (%(size)s). Den må højst fylde %(max)s."),
                code="too_large",
                params={
                    "size": filesizeformat(uploaded.size),
                    "max": filesizeformat(max_bytes),
                },
            )
        try:
            content_type = sniff_content_type(uploaded)
        except UnsafeArchive:
            raise ValidationError(
                _(
                    "Filen kan ikke godkendes: den pakkes ud til langt mere, end et dokument "
                    "fylder. Gem dokumentet igen fra dit tekstbehandlingsprogram, og prøv igen."
                ),
                code="unsafe_archive",
            ) from None
        if content_type not in ALLOWED_TYPES:
            raise ValidationError(
                _(
                    "Filtypen er ikke tilladt. Du kan uploade %(types)s – filens indhold afgør typen, ikke navnet."
                ),
                code="bad_type",
                params={"types": ALLOWED_LABEL},
            )
        suffix = PurePath(uploaded.name or "").suffix.lower()
        if suffix not in ALLOWED_TYPES[content_type]:
            raise ValidationError(
                _(
                    "Filens navn slutter på »%(suffix)s«, men indholdet er ikke den type. Omdøb eller gem filen igen i det rigtige format."
                ),
                code="name_mismatch",
                params={"suffix": suffix or "–"},
            )

    def __eq__(self, other):
        return isinstance(other, AttachmentValidator) and other.max_bytes == self.max_bytes
