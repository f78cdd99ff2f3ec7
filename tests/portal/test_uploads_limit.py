"""The request body is capped while it arrives, before a file is spooled to disk."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.core.handlers.wsgi import LimitedStream
from django.test import Client
from django.urls import reverse

from councils.demo import minimal_pdf
from councils.models import Attachment

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


@pytest.fixture
def spooled(monkeypatch):
    """Bytes handed to Django's storing upload handlers, and bytes read from the body."""
    counts = {"stored": 0, "read": 0}
    for handler in (TemporaryFileUploadHandler, MemoryFileUploadHandler):
        real = handler.receive_data_chunk

        def counting(self, raw_data, start, _real=real):
            if getattr(self, "activated", True):
                counts["stored"] += len(raw_data)
            return _real(self, raw_data, start)

        monkeypatch.setattr(handler, "receive_data_chunk", counting)
    real_read = LimitedStream.read

    def counting_read(self, *args, **kwargs):
        data = real_read(self, *args, **kwargs)
        counts["read"] += len(data)
        return data

    monkeypatch.setattr(LimitedStream, "read", counting_read)
    return counts


@pytest.fixture
def post_bilag(secretary, world):
    # CSRF checks on: the refusal must still be the form's Danish message, not a 403.
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)
    url = reverse("councils:attachment_create", args=[world["item"].pk])
    client.get(url)
    token = client.cookies["csrftoken"].value

    def _post(size):
        content = minimal_pdf("stor") + b"\0" * size
        return client.post(
            url,
            {
                "csrfmiddlewaretoken": token,
                "title": "Stort bilag",
                "file": SimpleUploadedFile("stor.pdf", content),
            },
        )

    return _post


def test_a_request_over_the_limit_is_refused_without_storing_or_reading_it_all(
    post_bilag, spooled, settings
):
    settings.PORTAL_MAX_UPLOAD_MB = 1  # requests may be 6 MB
    before = Attachment.objects.count()
    response = post_bilag(12 * MB)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Filen er for stor" in page and "højst fylde 1,0\xa0MB" in page
    assert 'value="Stort bilag"' in page, "the fields before the file are kept"
    assert Attachment.objects.count() == before
    assert spooled["stored"] == 0, "no byte of the file may reach a storing handler"
    assert spooled["read"] <= 6 * MB + 64 * 1024, "reading stops at the request limit"


def test_a_file_over_the_limit_in_a_small_request_stops_being_stored(post_bilag, spooled, settings):
    settings.PORTAL_MAX_UPLOAD_MB = 1
    before = Attachment.objects.count()
    response = post_bilag(3 * MB)
    assert response.status_code == 200
    assert "Filen er for stor" in response.content.decode()
    assert Attachment.objects.count() == before
    assert spooled["stored"] <= 1 * MB


def test_a_file_within_the_limit_is_stored(post_bilag, settings):
    settings.PORTAL_MAX_UPLOAD_MB = 1
    response = post_bilag(100 * 1024)
    assert response.status_code == 302
    assert Attachment.objects.filter(title="Stort bilag").exists()


def test_the_default_limits_match_the_documented_ones(settings):
    from portal import uploadlimit

    assert settings.PORTAL_MAX_UPLOAD_MB == 20
    assert uploadlimit.max_request_bytes() == 25 * MB
    assert settings.FILE_UPLOAD_HANDLERS[0] == "portal.uploadlimit.UploadLimitHandler"
