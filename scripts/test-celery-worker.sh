#!/usr/bin/env bash
# Runs the tests marked celery_worker against a real Celery worker on Redis and PostgreSQL.
# The worker is pointed at the database pytest creates (test_<name>), so what a test
# commits is what the worker sees.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh

BIN=.venv/bin
DB_NAME=portal_celery
export SECRET_KEY=ci-celery-only DJANGO_DEBUG=false
export PORTAL_MFA_ENCRYPTION_KEY=ci-celery-only-mfa-key-0123456789abcdef
export CELERY_BROKER_URL=redis://127.0.0.1:6379/15
export PORTAL_CELERY_WORKER=1
MEDIA_ROOT=$(mktemp -d)
export MEDIA_ROOT
LOG=$(mktemp)
redis-cli -n 15 flushdb >/dev/null

DATABASE_URL="postgres://postgres@127.0.0.1:5432/test_${DB_NAME}" DATABASE_CONN_MAX_AGE=0 \
  DJANGO_SETTINGS_MODULE=portal.settings \
  EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH="$MEDIA_ROOT/mail" \
  $BIN/celery -A portal worker --beat --schedule "$MEDIA_ROOT/celerybeat-schedule" --loglevel INFO --concurrency 1 --without-gossip --without-mingle \
  >"$LOG" 2>&1 &
WORKER=$!
cleanup() { kill "$WORKER" 2>/dev/null || true; wait "$WORKER" 2>/dev/null || true; rm -rf "$MEDIA_ROOT"; }
trap cleanup EXIT

for _ in $(seq 60); do grep -q "ready" "$LOG" && break; sleep 1; done
grep -q "ready" "$LOG" || { echo "Celery worker did not start:"; cat "$LOG"; exit 1; }

status=0
DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB_NAME}" \
  $BIN/python -m pytest -m celery_worker tests || status=$?
if [ "$status" -ne 0 ]; then echo "--- worker log ---"; tail -50 "$LOG"; fi
exit "$status"
