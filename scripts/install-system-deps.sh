#!/usr/bin/env bash
# Installs the Debian packages the portal needs, when run as root and only those missing.
#   gettext          compilemessages (msgfmt)
#   libpango…/fonts  WeasyPrint (PDF rendering) and correct æøå
#   chromium         the real-browser tests (Playwright drives Debian's Chromium)
#   python3-venv     creating the virtual environment with Debian's own Python
#   nginx            the proxy configuration test (tests/portal/test_deploy.py starts its own
#                    nginx on 127.0.0.1; the system service Debian would start is switched off)
# Without root it only reports what is missing; the browser tests then skip outside CI.
set -euo pipefail

packages=(gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core chromium nginx)
command -v pg_dump >/dev/null || packages+=(postgresql-client)  # backup_portal, restore_portal
if [ "$(command -v python3.11 || command -v python3)" = "/usr/bin/python3.11" ] \
   || [ "$(command -v python3.11 || command -v python3)" = "/usr/bin/python3" ]; then
  packages+=(python3-venv)
fi
if [ "${WITH_BENCH_TOOLS:-0}" = "1" ]; then
  packages+=(wrk)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian system; install these yourself if missing: ${packages[*]}"
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: missing Debian packages (run as root to install): ${missing[*]}"
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# The tests run their own nginx; a system service on port 80 is not wanted on a test machine.
if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now nginx >/dev/null 2>&1 || true
fi
