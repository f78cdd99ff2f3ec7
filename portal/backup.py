"""One consistent backup of the portal: the database and the uploaded files, with checksums.

A backup is a folder ``portal-backup-<UTC time>`` holding

    database.pgdump   pg_dump's custom format (PostgreSQL), or
    database.sqlite3  a copy made with SQLite's online backup API (SQLite)
    media.tar.gz      MEDIA_ROOT (renditions, bilag, …)
    manifest.json     what was backed up, when, and the sha256 of each file
    SHA256SUMS        the same checksums for ``sha256sum -c`` (no Python needed)

scripts/compose-backup.sh writes the same layout from the compose stack with the database
container's own pg_dump, so restore_portal and scripts/compose-restore.sh read either.

The database is dumped first and the files are packed after it: every row in the dump
points at a file that was already on disk, because a file is stored before its row is
committed (core.files.atomic_with_files). A file uploaded after the dump lands in the
archive without a row (harmless); nothing in the dump misses its file, short of a file
deleted in those seconds. The folder is written under a ``.partial`` name and renamed when
complete, so a cut-off backup is never mistaken for a good one.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, models
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
MEDIA = "media.tar.gz"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env_and_args(connection):
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args


def _run(command, env):
    try:
        # The command is pg_dump or pg_restore with arguments from settings, never user input.
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} was not found: install the PostgreSQL client (postgresql-client)."
        ) from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(connection, target: Path) -> None:
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection)
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args, "-f", target],
            env,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        raise BackupError(f"No backup for the {connection.vendor} database.")


def _pack_media(media_root: Path, target: Path) -> int:
    count = 0
    with tarfile.open(target, "w:gz") as archive:
        if media_root.exists():
            for path in sorted(media_root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(path.relative_to(media_root)))
                    count += 1
    return count


def create_backup(output: Path, *, using: str = "default") -> Path:
    connection = connections[using]
    if connection.vendor not in DUMPS:
        raise BackupError(f"No backup for the {connection.vendor} database.")
    now = datetime.now(UTC)
    final = Path(output) / f"portal-backup-{now:%Y%m%dT%H%M%SZ}"
    if final.exists():
        raise BackupError(f"{final} exists already.")
    partial = final.with_name(final.name + ".partial")
    partial.mkdir(parents=True)
    try:
        dump = partial / DUMPS[connection.vendor]
        _dump_database(connection, dump)
        media_count = _pack_media(Path(settings.MEDIA_ROOT), partial / MEDIA)
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "database": {"vendor": connection.vendor, "file": dump.name},
            "media": {"file": MEDIA, "files": media_count},
            "migrations": _latest_migrations(connection),
            "checksums": {name: sha256_of(partial / name) for name in (dump.name, MEDIA)},
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        (partial / SUMS).write_text(
            "".join(f"{digest}  {name}\n" for name, digest in manifest["checksums"].items())
        )
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def _latest_migrations(connection) -> dict:
    latest = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def read_manifest(folder: Path) -> dict:
    """The manifest, after checking every file against its checksum."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} holds no readable {MANIFEST}: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    for name, expected in manifest["checksums"].items():
        path = folder / name
        if not path.is_file() or sha256_of(path) != expected:
            raise BackupError(f"{name} is missing or damaged (checksum differs): not restored.")
    return manifest


def _restore_database(connection, manifest: dict, folder: Path) -> None:
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"The backup holds a {vendor} database; the configured one is {connection.vendor}."
        )
    dump = folder / manifest["database"]["file"]
    if vendor == "postgresql":
        connection.close()
        env, args = _pg_env_and_args(connection)
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                dump,
            ],
            env,
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()


def _unpack_media(folder: Path, manifest: dict, media_root: Path) -> None:
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / manifest["media"]["file"], "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(media_root, filter="data")


def restore_backup(folder: Path, *, using: str = "default") -> dict:
    folder = Path(folder)
    manifest = read_manifest(folder)
    connection = connections[using]
    _restore_database(connection, manifest, folder)
    _unpack_media(folder, manifest, Path(settings.MEDIA_ROOT))
    return manifest


def missing_files(using: str = "default") -> list[str]:
    """Stored file names that rows point at but that are not in storage."""
    missing = []
    for model in apps.get_models():
        if hasattr(model, "instance_type"):
            continue  # simple_history's copies may name files deleted since, by design
        fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in fields:
            names = (
                model._default_manager.using(using)
                .exclude(**{field.name: ""})
                .values_list(field.name, flat=True)
            )
            missing += [n for n in names.iterator() if n and not field.storage.exists(n)]
    return missing
