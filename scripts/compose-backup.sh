#!/bin/sh
# The compose stack's backup (docs/OPERATIONS.md): runs in a postgres:16 container so pg_dump
# matches the server, with the media volume mounted read-only. Writes the layout of
# `manage.py backup_portal`: database.pgdump, media.tar.gz, manifest.json, SHA256SUMS.
#   env: PGHOST PGUSER PGPASSWORD PGDATABASE, MEDIA_DIR (/data/media), BACKUP_DIR (/backups)
set -eu
MEDIA_DIR="${MEDIA_DIR:-/data/media}"
BACKUP_DIR="${BACKUP_DIR:-/backups}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
final="$BACKUP_DIR/portal-backup-$stamp"
partial="$final.partial"
trap 'rm -rf "$partial"' EXIT
mkdir -p "$partial"
# The database first, then the files: every row in the dump has its file on disk already.
pg_dump --format=custom --no-owner --no-privileges -f "$partial/database.pgdump"
tar -czf "$partial/media.tar.gz" -C "$MEDIA_DIR" .
files="$(find "$MEDIA_DIR" -type f | wc -l | tr -d ' ')"
db_sum="$(sha256sum "$partial/database.pgdump" | cut -d' ' -f1)"
media_sum="$(sha256sum "$partial/media.tar.gz" | cut -d' ' -f1)"
cat > "$partial/manifest.json" <<JSON
{
  "format": 1,
  "created": "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)",
  "database": {"vendor": "postgresql", "file": "database.pgdump"},
  "media": {"file": "media.tar.gz", "files": $files},
  "migrations": {},
  "checksums": {"database.pgdump": "$db_sum", "media.tar.gz": "$media_sum"}
}
JSON
printf '%s  database.pgdump\n%s  media.tar.gz\n' "$db_sum" "$media_sum" > "$partial/SHA256SUMS"
mv "$partial" "$final"
trap - EXIT
echo "Backup written: $final"
