"""Stored files: serving them through views that have checked permission, and not
leaving files behind when the rows that point at them are never written."""

import contextvars
import logging
from contextlib import contextmanager, suppress
from pathlib import PurePath

from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404

logger = logging.getLogger(__name__)


def protected_file_response(field_file, *, download_name: str | None = None, inline=False):
    """A response for a FileField's file. The caller must have checked access first.

    ``inline="pdf"``: a PDF opens in the browser, every other type is a download.
    """
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    name = download_name or PurePath(field_file.name).name
    if inline == "pdf":
        inline = PurePath(field_file.name).suffix.lower() == ".pdf"
    response = FileResponse(handle, as_attachment=not inline, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class StoredFiles:
    """The files written inside one ``atomic_with_files`` block."""

    def __init__(self):
        self._written = []

    def save(self, field_file, name, content):
        """Writes ``content`` through the FieldFile (without saving its row) and remembers it."""
        field_file.save(name, content, save=False)
        self.remember(field_file.storage, field_file.name)
        return field_file.name

    def remember(self, storage, name):
        if name:
            self._written.append((storage, name))

    def delete_all(self):
        for storage, name in self._written:
            # Best effort: failing to tidy up must not hide the error that got us here.
            with suppress(OSError):
                storage.delete(name)
        self._written.clear()

    def __len__(self):
        return len(self._written)


_current = contextvars.ContextVar("stored_files", default=None)


@contextmanager
def atomic_with_files(using=None):
    """``transaction.atomic`` that also deletes the files written inside it when it rolls back.

    Storage is not transactional: a file written before a later error would stay
    on disk with no row pointing at it. Write files through the yielded
    ``StoredFiles.save``. Blocks nest: an inner block that succeeds hands its
    files to the outer one, so they still go if the outer block fails. Use it as
    the outermost block: a plain ``transaction.atomic`` around it can roll back
    without this helper hearing of it.
    """
    outer = _current.get()
    stored = StoredFiles()
    token = _current.set(stored)
    try:
        with transaction.atomic(using=using):
            yield stored
    except BaseException:
        stored.delete_all()
        raise
    finally:
        _current.reset(token)
    if outer is not None:
        outer._written.extend(stored._written)


def delete_files_on_commit(*files, using=None) -> None:
    """Deletes stored files once the transaction that deleted their rows has committed.

    Row first, file after: a row delete that fails (a lock timeout, a dropped
    connection) rolls back and leaves row and file together, instead of a row
    whose file is gone (a bilag on the agenda that answers 404). Takes
    FieldFiles or ``(storage, name)`` pairs; empty ones are skipped.
    """
    targets = []
    for item in files:
        storage, name = (item.storage, item.name) if isinstance(item, FieldFile) else item
        if name:
            targets.append((storage, name))
    if not targets:
        return

    def remove():
        for storage, name in targets:
            try:
                storage.delete(name)
            except OSError:
                # The row is gone already; find_orphan_files reports what is left.
                logger.exception("Could not delete %s after commit", name)

    transaction.on_commit(remove, using=using)


def file_label(name, size=None) -> str:
    """The type (from the extension) and a rounded, localised size: 'PDF, 643 kB'."""
    from django.utils.formats import number_format

    kind = PurePath(str(name or "")).suffix.lstrip(".").upper() or "?"
    if kind == "JPEG":
        kind = "JPG"
    if size is None:
        return kind
    size = int(size)
    if size < 1000:
        readable = f"{size} B"
    elif size < 1000 * 1000:
        readable = f"{round(size / 1000)} kB"
    else:
        readable = f"{number_format(size / 1_000_000, 1)} MB"
    return f"{kind}, {readable}"
