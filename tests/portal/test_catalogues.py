"""The nb and en catalogues are maintained: every string translated, none fuzzy."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def test_every_app_with_strings_has_nb_and_en():
    folders = {p.parents[2] for p in CATALOGUES}
    for folder in folders:
        for lang in ("nb", "en"):
            assert (folder / lang / "LC_MESSAGES" / "django.po").exists(), f"{folder}: no {lang}"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext (msgfmt) is not installed")
@pytest.mark.parametrize("po", CATALOGUES, ids=[str(p.relative_to(ROOT)) for p in CATALOGUES])
def test_catalogue_is_complete(po):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
