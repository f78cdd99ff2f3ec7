"""Caps an upload while it is received, before Django spools it to a temporary file.

Django has no setting for this: ``DATA_UPLOAD_MAX_MEMORY_SIZE`` leaves files out, and
``TemporaryFileUploadHandler`` writes whatever arrives. Placed first in
``FILE_UPLOAD_HANDLERS``, this handler

* refuses a request whose body is larger than ``PORTAL_MAX_UPLOAD_MB`` + 5 MB before any
  file byte is stored: it parses the body itself, keeps the ordinary fields that come
  first (the CSRF token, the title), discards the files and stops reading at the limit;
* stops passing a file's bytes on once that file passes ``PORTAL_MAX_UPLOAD_MB``.

Either way the form receives an ``OversizedUpload`` in the file's place: an empty file
whose ``size`` is what was sent, so ``AttachmentValidator`` refuses it with its usual
Danish "Filen er for stor" message and nothing is stored.
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.http.multipartparser import MultiPartParser, MultiPartParserError

MB = 1024 * 1024
# Room for the form's other fields and the multipart framing around a full-size file.
REQUEST_MARGIN_BYTES = 5 * MB


def max_file_bytes() -> int:
    return settings.PORTAL_MAX_UPLOAD_MB * MB


def max_request_bytes() -> int:
    return max_file_bytes() + REQUEST_MARGIN_BYTES


class OversizedUpload(UploadedFile):
    """Stands in for a file that was too large to receive; it holds no content."""

    def __init__(self, name, content_type, size, field_name=None):
        super().__init__(io.BytesIO(b""), name, content_type, size, None, None)
        self.field_name = field_name


class _CappedStream:
    """Reads at most ``limit`` bytes of the request body, then reports its end."""

    def __init__(self, stream, limit):
        self.stream, self.left = stream, limit

    def read(self, size=-1):
        if self.left <= 0:
            return b""
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self.stream.read(size)
        self.left -= len(data)
        return data


class _DiscardFiles(FileUploadHandler):
    """Receives files of a refused request without storing a byte of them."""

    def __init__(self, declared_size):
        super().__init__()
        self.declared_size = declared_size
        self.started = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.started.append(self.placeholder())
        raise StopFutureHandlers

    def placeholder(self):
        return OversizedUpload(
            self.file_name, self.content_type, self.declared_size, field_name=self.field_name
        )

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return self.placeholder()


class UploadLimitHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.oversized = False
        if content_length <= max_request_bytes():
            return None
        discard = _DiscardFiles(content_length)
        parser = MultiPartParser(
            META, _CappedStream(input_data, max_request_bytes()), [discard], encoding
        )
        try:
            post, files = parser.parse()
        except MultiPartParserError:
            # The body was cut at the limit in the middle of a part: keep what was complete.
            post = getattr(parser, "_post", None)
            files = getattr(parser, "_files", None)
            if post is None or files is None:
                raise
        # The file cut off at the limit never completed: put its stand-in in its place.
        for placeholder in discard.started:
            if placeholder.field_name not in files:
                files.appendlist(placeholder.field_name, placeholder)
        post._mutable = False
        return post, files

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.oversized = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > max_file_bytes():
            self.oversized = True
        # None stops the chunk here, so the handlers after this one store nothing more.
        return None if self.oversized else raw_data

    def file_complete(self, file_size):
        if self.oversized:
            return OversizedUpload(self.file_name, self.content_type, file_size)
        return None
