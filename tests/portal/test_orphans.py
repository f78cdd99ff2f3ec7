"""find_orphan_files: files no row refers to, rows whose file is gone, in every FileField."""

import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.councils.factories import AttachmentFactory
from tests.reports.factories import TINY_PDF, DoneRenditionFactory, ReportAttachmentFactory

pytestmark = pytest.mark.django_db


def _age(name, seconds=7200):
    path = default_storage.path(name)
    past = time.time() - seconds
    os.utime(path, (past, past))


def _run(*args):
    out = StringIO()
    call_command("find_orphan_files", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def files():
    kept = [AttachmentFactory(), ReportAttachmentFactory(), DoneRenditionFactory()]
    orphan_a = default_storage.save("councils/bilag/forladt.pdf", ContentFile(TINY_PDF))
    orphan_b = default_storage.save("policies/bilag/uden-raekke.pdf", ContentFile(TINY_PDF))
    fresh = default_storage.save("reports/renditions/9/9.pdf", ContentFile(TINY_PDF))
    for name in [orphan_a, orphan_b, *(k.file.name for k in kept)]:
        _age(name)
    gone = ReportAttachmentFactory()
    default_storage.delete(gone.file.name)
    return {"kept": kept, "orphans": [orphan_a, orphan_b], "fresh": fresh, "gone": gone}


def test_dry_run_lists_both_directions_and_changes_nothing(files):
    out = _run()
    for name in files["orphans"]:
        assert name in out and default_storage.exists(name)
    assert "Orphan files (no row refers to them): 2" in out
    assert "Orphan rows (their file is missing): 1" in out
    assert f"reports.ReportAttachment #{files['gone'].pk} file" in out
    for row in files["kept"]:
        assert row.file.name not in out and default_storage.exists(row.file.name)
    # A file written a moment ago may belong to a row still being saved.
    assert files["fresh"] not in out
    assert "Dry run" in out


def test_delete_removes_orphan_files_only(files):
    out = _run("--delete")
    assert all(not default_storage.exists(name) for name in files["orphans"])
    assert all(default_storage.exists(row.file.name) for row in files["kept"])
    assert default_storage.exists(files["fresh"])
    files["gone"].refresh_from_db()  # the row is reported, not deleted
    assert f"reports.ReportAttachment #{files['gone'].pk}" in out


def test_min_age_zero_counts_fresh_files_too(files):
    assert files["fresh"] in _run("--min-age", "0")


def test_nothing_to_report_on_a_clean_media_root():
    AttachmentFactory()
    out = _run("--min-age", "0")
    assert "Orphan files (no row refers to them): 0" in out
    assert "Orphan rows (their file is missing): 0" in out
