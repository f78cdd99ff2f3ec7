import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from councils.demo import minimal_pdf
from councils.models import Attachment

pytestmark = pytest.mark.django_db

# The first bytes of a Windows executable.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture
def upload(client, secretary, world):
    client.force_login(secretary)
    url = reverse("councils:attachment_create", args=[world["item"].pk])

    def _upload(name, content, title="Bilag"):
        return client.post(url, {"title": title, "file": SimpleUploadedFile(name, content)})

    return _upload


def test_pdf_is_attached_and_served(upload, world, client):
    response = upload("referat.pdf", minimal_pdf("Referat"), title="Referat")
    assert response.status_code == 302
    attachment = Attachment.objects.get(title="Referat")
    assert attachment.filename == "referat.pdf"
    # Stored under a random name, never the uploaded one.
    assert "referat" not in attachment.file.name
    download = client.get(reverse("councils:attachment_download", args=[attachment.pk]))
    assert 'filename="referat.pdf"' in download["Content-Disposition"]


def test_exe_renamed_to_pdf_is_refused(upload):
    before = Attachment.objects.count()
    response = upload("bilag.pdf", EXE)
    assert response.status_code == 200
    assert "Filtypen er ikke tilladt" in response.content.decode()
    assert Attachment.objects.count() == before


def test_pdf_named_as_image_is_refused(upload):
    response = upload("foto.png", minimal_pdf("x"))
    assert "men indholdet er ikke den type" in response.content.decode()


def test_file_over_20_mb_is_refused(upload):
    before = Attachment.objects.count()
    big = minimal_pdf("stor") + b"\0" * (20 * 1024 * 1024)
    response = upload("stor.pdf", big)
    assert response.status_code == 200
    assert "Filen er for stor" in response.content.decode()
    assert Attachment.objects.count() == before


def test_missing_file_gets_a_danish_message(client, secretary, world):
    client.force_login(secretary)
    response = client.post(
        reverse("councils:attachment_create", args=[world["item"].pk]), {"title": "Intet"}
    )
    assert "Vælg den fil, du vil vedhæfte." in response.content.decode()


def test_deleting_an_attachment_removes_the_file(
    client, secretary, world, django_capture_on_commit_callbacks
):
    attachment = world["attachment"]
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    client.force_login(secretary)
    url = reverse("councils:attachment_delete", args=[attachment.pk])
    assert "kan ikke fortrydes" in client.get(url).content.decode()
    # The file goes once the row's delete has committed.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not storage.exists(name)
