#!/bin/sh
# The compose stack's restore (docs/OPERATIONS.md): runs in a postgres:16 container with the
# media volume mounted read-write, after web and worker are stopped. Checks every checksum
# before it touches anything, then REPLACES the database and unpacks the files.
#   usage: compose-restore.sh /backups/portal-backup-<time>
#   env: PGHOST PGUSER PGPASSWORD PGDATABASE, MEDIA_DIR (/data/media)
set -eu
backup="${1:?usage: compose-restore.sh /backups/portal-backup-<time>}"
MEDIA_DIR="${MEDIA_DIR:-/data/media}"
cd "$backup"
sha256sum -c SHA256SUMS
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname "$PGDATABASE" database.pgdump
mkdir -p "$MEDIA_DIR"
tar -xzf media.tar.gz -C "$MEDIA_DIR" --no-same-owner
echo "Restored $backup. Now: docker compose run --rm web python manage.py migrate"
