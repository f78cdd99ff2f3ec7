"""The one rule for uploaded files (council bilag, goal-update attachments, report bilag).

The type is decided from the file's content, never from its name: a renamed
.exe is refused even when it is called ``bilag.pdf``.
"""

import zipfile
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024

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


def _zip_document_type(uploaded) -> str | None:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return mimetype if mimetype in ALLOWED_TYPES else None
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            return None
    except zipfile.BadZipFile:
        return None
    finally:
        uploaded.seek(0)


@deconstructible
class AttachmentValidator:
    """Validates size, content type, and that the name's ending matches the content."""

    def __init__(self, max_bytes: int = MAX_UPLOAD_BYTES):
        self.max_bytes = max_bytes

    def __call__(self, uploaded):
        if uploaded.size > self.max_bytes:
            raise ValidationError(
                _("Filen er for stor (%(size)s). Den må højst fylde %(max)s."),
                code="too_large",
                params={
                    "size": filesizeformat(uploaded.size),
                    "max": filesizeformat(self.max_bytes),
                },
            )
        content_type = sniff_content_type(uploaded)
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
