"""A backup restores into a fresh database and media folder with every file intact.

The backup is made in this process (from the test database); the restore and the check run
in fresh processes configured only by DATABASE_URL and MEDIA_ROOT, as an operator would.
"""

import hashlib
import json
import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tests.councils.factories import AttachmentFactory
from tests.reports.factories import published_report

pytestmark = pytest.mark.django_db(transaction=True)

CHECK = """
import hashlib, json
import django
django.setup()
from councils.models import Attachment
from reports.models import StatusReport

report = StatusReport.objects.get(pk={report})
bilag = Attachment.objects.get(pk={bilag})
found = {{}}
for label, field in (("pdf", report.published_rendition.file), ("bilag", bilag.file)):
    with field.open("rb") as handle:
        found[label] = {{"name": field.name, "sha256": hashlib.sha256(handle.read()).hexdigest()}}
print(json.dumps(found))
"""


def _sha(field):
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database of the same kind as the test database; its DATABASE_URL."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"portal_restore_{uuid.uuid4().hex[:12]}"
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    yield f"postgres://{db['USER']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(*args, database_url, media_root, code=None):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PORTAL_", "DJANGO_"))}
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(
        command,
        cwd=settings.BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": "backup-tests-only",
            "PORTAL_MFA_ENCRYPTION_KEY": "backup-tests-only-mfa-key-0123456789abcdef",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def _backup(tmp_path):
    call_command("backup_portal", output=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    return folder


def _pg_env(database_url=None):
    db = connection.settings_dict
    name = database_url.rsplit("/", 1)[1] if database_url else db["NAME"]
    return {
        **os.environ,
        "PGHOST": db["HOST"] or "127.0.0.1",
        "PGPORT": str(db["PORT"] or 5432),
        "PGUSER": db["USER"],
        "PGPASSWORD": db["PASSWORD"] or "",
        "PGDATABASE": name,
    }


def _backup_with_compose_script(tmp_path):
    """scripts/compose-backup.sh, as the compose backup service runs it (PostgreSQL only)."""
    out = tmp_path / "backups"
    out.mkdir()
    result = subprocess.run(
        ["sh", str(settings.BASE_DIR / "scripts/compose-backup.sh")],
        env={**_pg_env(), "MEDIA_DIR": str(settings.MEDIA_ROOT), "BACKUP_DIR": str(out)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (folder,) = out.iterdir()
    return folder


def _restore_with_command(folder, database_url, media):
    return _manage(
        "restore_portal", "--input", str(folder), "--yes",
        database_url=database_url, media_root=media,
    )  # fmt: skip


def _restore_with_compose_script(folder, database_url, media):
    return subprocess.run(
        ["sh", str(settings.BASE_DIR / "scripts/compose-restore.sh"), str(folder)],
        env={**_pg_env(database_url), "MEDIA_DIR": str(media)},
        capture_output=True,
        text=True,
        timeout=120,
    )


WAYS = {
    "backup_portal+restore_portal": (_backup, _restore_with_command),
    "compose-backup.sh+restore_portal": (_backup_with_compose_script, _restore_with_command),
    "backup_portal+compose-restore.sh": (_backup, _restore_with_compose_script),
}


@pytest.mark.parametrize("way", WAYS)
def test_a_published_pdf_and_a_bilag_survive_backup_and_restore(tmp_path, fresh_database, way):
    make, restore = WAYS[way]
    if way != "backup_portal+restore_portal" and connection.vendor != "postgresql":
        pytest.skip("the compose scripts are for PostgreSQL")
    report = published_report()
    bilag = AttachmentFactory()
    expected = {
        "pdf": {
            "name": report.published_rendition.file.name,
            "sha256": _sha(report.published_rendition.file),
        },
        "bilag": {"name": bilag.file.name, "sha256": _sha(bilag.file)},
    }
    folder = make(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["media"]["files"] >= 2

    media = tmp_path / "restored-media"
    restored = restore(folder, fresh_database, media)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "missing" not in restored.stderr
    checked = _manage(
        database_url=fresh_database,
        media_root=media,
        code=CHECK.format(report=report.pk, bilag=bilag.pk),
    )
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout.strip().splitlines()[-1]) == expected


def test_a_damaged_backup_is_refused_before_anything_is_replaced(tmp_path, fresh_database):
    published_report()
    folder = _backup(tmp_path)
    media = folder / "media.tar.gz"
    media.write_bytes(media.read_bytes()[:-10])
    refused = _manage(
        "restore_portal", "--input", str(folder), "--yes",
        database_url=fresh_database, media_root=tmp_path / "m",
    )  # fmt: skip
    assert refused.returncode != 0
    assert "media.tar.gz is missing or damaged" in refused.stderr
    assert not (tmp_path / "m").exists()


def test_restore_asks_before_replacing_the_database(tmp_path):
    folder = _backup(tmp_path)
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_portal", "--input", str(folder))


def test_the_manifest_lists_checksums_of_what_it_holds(tmp_path):
    folder = _backup(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    for name, digest in manifest["checksums"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert not list((tmp_path / "backups").glob("*.partial"))
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True)
    assert sums.returncode == 0, sums.stdout
