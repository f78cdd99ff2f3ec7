#!/usr/bin/env bash
# Runs the tests marked celery_worker against a real Celery worker on Redis and PostgreSQL.
# The worker is pointed at the database pytest creates (test_<name>), so what a test
# commits is what the worker sees. It runs in its own process group with an embedded beat,
# as in docker-compose.yml, so a test can SIGKILL the whole worker and start it again
# (`scripts/test-celery-worker.sh --start-worker`, with the environment this script exports).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
DB_NAME=${PORTAL_CELERY_DB_NAME:-portal_celery}
REDIS_DB=${PORTAL_CELERY_REDIS_DB_NUMBER:-12}
export SECRET_KEY=ci-celery-only DJANGO_DEBUG=false
export PORTAL_MFA_ENCRYPTION_KEY=ci-celery-only-mfa-key-0123456789abcdef
export CELERY_BROKER_URL=redis://127.0.0.1:6379/${REDIS_DB}
export PORTAL_CELERY_WORKER=1 PORTAL_CELERY_REDIS_DB=${REDIS_DB}
# Short limits, so that a killed worker is noticed and its job redelivered in seconds.
export CELERY_TASK_TIME_LIMIT=40 CELERY_TASK_SOFT_TIME_LIMIT=35 CELERY_VISIBILITY_TIMEOUT=45
export CELERY_UNACKED_RESTORE_INTERVAL=2
export PORTAL_RENDITION_HEARTBEAT_SECONDS=2 PORTAL_RENDITION_STALE_SECONDS=6
export PORTAL_RENDITION_SWEEP_SECONDS=2

start_worker() {
  local log="$PORTAL_CELERY_WORKER_STATE/worker.log"
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/test_${DB_NAME}" DATABASE_CONN_MAX_AGE=0 \
    DJANGO_SETTINGS_MODULE=portal.settings \
    EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH="$MEDIA_ROOT/mail" \
    setsid $BIN/celery -A portal worker -B -s "$PORTAL_CELERY_WORKER_STATE/beat-schedule" \
    --pidfile "$PORTAL_CELERY_WORKER_STATE/worker.pid" \
    --loglevel INFO --concurrency 1 --without-gossip --without-mingle \
    >>"$log" 2>&1 </dev/null &
  disown  # a test may SIGKILL it; that is no news for this shell
}

if [ "${1:-}" = "--start-worker" ]; then
  start_worker
  exit 0
fi

bash scripts/ensure-services.sh
MEDIA_ROOT=$(mktemp -d)
PORTAL_CELERY_WORKER_STATE=$(mktemp -d)
export MEDIA_ROOT PORTAL_CELERY_WORKER_STATE
redis-cli -n "$REDIS_DB" flushdb >/dev/null

start_worker
cleanup() {
  local pid pgid
  pid=$(cat "$PORTAL_CELERY_WORKER_STATE/worker.pid" 2>/dev/null || true)
  pgid=$( [ -n "$pid" ] && ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  # The worker leads its own process group (setsid): end that group only.
  if [ -n "$pgid" ]; then kill -- "-$pgid" 2>/dev/null || true; fi
  sleep 1
  if [ -n "${KEEP_WORKER_LOG:-}" ]; then cp "$PORTAL_CELERY_WORKER_STATE/worker.log" "$KEEP_WORKER_LOG"; fi
  rm -rf "$MEDIA_ROOT" "$PORTAL_CELERY_WORKER_STATE"
}
trap cleanup EXIT

LOG="$PORTAL_CELERY_WORKER_STATE/worker.log"
for _ in $(seq 60); do grep -q "ready" "$LOG" && break; sleep 1; done
grep -q "ready" "$LOG" || { echo "Celery worker did not start:"; cat "$LOG"; exit 1; }

status=0
DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB_NAME}" \
  $BIN/python -m pytest -m celery_worker tests "$@" || status=$?
if [ "$status" -ne 0 ]; then echo "--- worker log ---"; tail -80 "$LOG"; fi
exit "$status"
