"""The one base for a bilag model: where its file is stored, the uploader's name for it,
its size and type for display, and the upload rule (``core.uploads.AttachmentValidator``).

    class Attachment(AttachmentBase):
        original_name_field = "filename"  # the CharField with the uploader's name
        file = attachment_file_field(RandomUploadPath("councils/bilag"))
        filename = models.CharField(...)
        size = models.PositiveBigIntegerField(...)

The base holds no fields of its own, so the apps keep their columns (and their
migrations) as they are; it gives them the same behaviour.
"""

import uuid
from pathlib import PurePath

from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core.files import StoredFiles, file_label
from core.uploads import AttachmentValidator

NAME_MAX_LENGTH = 255


@deconstructible
class RandomUploadPath:
    """``upload_to``: a random name under ``prefix``, keeping only the lower-cased suffix.

    The name a user gave a file may carry personal data and is never trusted on disk;
    the row keeps it for display.
    """

    def __init__(self, prefix: str):
        self.prefix = prefix.rstrip("/")

    def __call__(self, instance, filename):
        return f"{self.prefix}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadPath) and other.prefix == self.prefix

    def __hash__(self):
        return hash(self.prefix)


def attachment_file_field(upload_to, **kwargs) -> models.FileField:
    """The file of a bilag: checked by the one upload rule, stored under a random name."""
    return models.FileField(
        _("fil"), upload_to=upload_to, validators=[AttachmentValidator()], **kwargs
    )


def upload_name(upload) -> str:
    """The uploader's name for a file, without folders, at most 255 characters (a long
    name loses the end of its stem, never its extension)."""
    name = PurePath(getattr(upload, "name", "") or "").name
    if len(name) <= NAME_MAX_LENGTH:
        return name
    suffix = PurePath(name).suffix[:20]
    return name[: NAME_MAX_LENGTH - len(suffix)] + suffix


class AttachmentBase(models.Model):
    """What every bilag model shares. A subclass declares ``file`` (with
    ``attachment_file_field``), the CharField named by ``original_name_field`` and,
    when it keeps one, the size field named by ``size_field``."""

    original_name_field = "original_name"
    size_field: str | None = "size"

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        """The uploader's name for the file, or the stored name when none was kept."""
        original = getattr(self, self.original_name_field, "")
        if original:
            return original
        return PurePath(self.file.name).name if self.file else ""

    @property
    def size_in_bytes(self) -> int | None:
        return getattr(self, self.size_field) if self.size_field else None

    @property
    def file_label(self) -> str:
        """Type and size for a link's text: 'PDF, 643 kB'."""
        return file_label(self.display_name, self.size_in_bytes)

    def take_upload(self, upload, stored: StoredFiles) -> None:
        """Records the upload's name (and size) and stores its file through ``stored``
        (inside ``core.files.atomic_with_files``); the caller saves the row."""
        setattr(self, self.original_name_field, upload_name(upload))
        if self.size_field:
            setattr(self, self.size_field, upload.size)
        stored.save(self.file, upload.name, upload)
