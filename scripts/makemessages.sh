#!/usr/bin/env bash
# Re-extracts the nb and en catalogues. Django puts each string in the nearest
# locale/ folder: an app's own (councils/locale/…) or the project's (locale/).
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_DEBUG=true .venv/bin/python manage.py makemessages -l nb -l en --no-obsolete \
  --ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles --ignore=static -v0
