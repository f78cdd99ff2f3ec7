"""One base for every bilag model: storage path, the uploader's name, size and type, the rule."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.attachments import AttachmentBase, RandomUploadPath, upload_name
from core.files import atomic_with_files
from core.uploads import AttachmentValidator
from councils.models import Attachment
from policies.models import GoalUpdateAttachment
from reports.models import ReportAttachment
from tests.reports.factories import TINY_PDF

MODELS = [Attachment, GoalUpdateAttachment, ReportAttachment]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_bilag_model_uses_the_base_and_the_one_upload_rule(model):
    assert issubclass(model, AttachmentBase)
    field = model._meta.get_field("file")
    assert any(isinstance(v, AttachmentValidator) for v in field.validators)
    assert isinstance(field.upload_to, RandomUploadPath)


def test_stored_names_are_random_and_keep_only_the_suffix():
    path = RandomUploadPath("councils/bilag")
    first, second = path(None, "Anne Hansens CPR.PDF"), path(None, "Anne Hansens CPR.PDF")
    assert first.startswith("councils/bilag/") and first.endswith(".pdf")
    assert first != second and "Anne" not in first
    assert path == RandomUploadPath("councils/bilag/")
    assert path.deconstruct() == ("core.attachments.RandomUploadPath", ("councils/bilag",), {})


def test_a_long_name_keeps_its_extension():
    upload = SimpleUploadedFile("x" * 300 + ".pdf", b"")
    name = upload_name(upload)
    assert len(name) == 255 and name.endswith(".pdf")
    assert upload_name(SimpleUploadedFile("referat.pdf", b"")) == "referat.pdf"


def test_display_name_and_label():
    council = Attachment(filename="referat.pdf", size=643_000)
    assert council.display_name == "referat.pdf"
    assert council.file_label == "PDF, 643 kB"
    report = ReportAttachment(original_name="")
    report.file.name = "reports/bilag/abc.docx"
    assert report.display_name == "abc.docx", "the stored name when none was kept"
    assert report.size_in_bytes is None and report.file_label == "DOCX"


@pytest.mark.django_db
def test_take_upload_records_name_and_size_and_stores_through_the_block(settings):
    attachment = Attachment()
    upload = SimpleUploadedFile("Dagsorden.pdf", TINY_PDF, content_type="application/pdf")
    with pytest.raises(RuntimeError), atomic_with_files() as stored:
        attachment.take_upload(upload, stored)
        assert (attachment.filename, attachment.size) == ("Dagsorden.pdf", len(TINY_PDF))
        assert attachment.file.storage.exists(attachment.file.name)
        raise RuntimeError
    assert not attachment.file.storage.exists(attachment.file.name), "rolled back: file gone"
