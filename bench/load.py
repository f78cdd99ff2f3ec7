"""Load benchmark: gunicorn + PostgreSQL with scale-1 data, wrk on loopback.

Run from the project folder with `make bench-load` (or `bash bench/load`). It
  1. creates (once) the database `portal_bench` and fills it with
     `generate_volume --scale 1`,
  2. starts gunicorn on 127.0.0.1:8100,
  3. runs wrk at 1, 10 and 20 connections against each page, the floor first,
  4. prints requests/s, p50/p95/p99 and each page's throughput as a share of the
     floor's at the same concurrency, measured in the same run.
Traffic goes only to 127.0.0.1. Every wrk run is bounded (BENCH_SECONDS, default 10 s).

BENCH_PAGES=meeting measures only the floor and the pages whose label contains one of the
comma-separated words; BENCH_CONCURRENCY, BENCH_DB, BENCH_PORT as below. The load average
before and after the runs is printed with the table (the machine may be shared).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8100"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCY = [int(c) for c in os.environ.get("BENCH_CONCURRENCY", "1,10,20").split(",")]
WORKERS = int(os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 2) * 2 + 1)))
DB_NAME = os.environ.get("BENCH_DB", "portal_bench")
SCALE = os.environ.get("BENCH_SCALE", "1")
ONLY = [word for word in os.environ.get("BENCH_PAGES", "").split(",") if word]
BASE = f"http://127.0.0.1:{PORT}"

ENV = {
    **os.environ,
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
    "SECRET_KEY": "bench-only-not-a-secret",
    "PORTAL_MFA_ENCRYPTION_KEY": "bench-only-mfa-key-not-a-secret-0123456789",
    "DJANGO_DEBUG": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
    "PORTAL_REQUIRE_STAFF_MFA": "false",
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "LOG_LEVEL": "WARNING",
}
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def manage(*args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=ENV,
        check=True,
        text=True,
        capture_output=capture,
    )


def ensure_database():
    exists = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB_NAME], check=True)
    manage("migrate", "--noinput", "-v0")
    marker = manage(
        "shell",
        "-c",
        "from councils.models import Council; print(Council.objects.count())",
        capture=True,
    ).stdout.strip()
    # Django 5.2's shell first reports its automatic imports: the count is the last line.
    if marker.splitlines()[-1] == "0":
        print(f"Filling {DB_NAME} with generate_volume --scale {SCALE} …", flush=True)
        started = time.monotonic()
        manage("generate_volume", "--scale", SCALE)
        print(f"  done in {time.monotonic() - started:.0f} s", flush=True)
    manage("collectstatic", "--noinput", "-v0")


def targets():
    """[(label, path, cookie)] resolved in the bench database by bench/targets.py."""
    out = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "targets.py")],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [tuple(item) for item in json.loads(out)]


def start_gunicorn():
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"{BASE}/healthz/", timeout=1)  # noqa: S310 - loopback only
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def run_wrk(path, connections, cookie):
    command = [
        "wrk",
        "-t",
        str(min(connections, 2)),
        "-c",
        str(connections),
        "-d",
        f"{SECONDS}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "latency.lua"),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        command + [BASE + path], capture_output=True, text=True, check=True, timeout=SECONDS + 60
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def main():
    if shutil.which("wrk") is None:
        raise SystemExit(
            "wrk is not installed: run `WITH_BENCH_TOOLS=1 bash scripts/install-system-deps.sh` as root"
        )
    ensure_database()
    pages = targets()
    if ONLY:
        # The floor stays first: every page's share is of the floor measured in the same run.
        pages = [pages[0], *(p for p in pages[1:] if any(word in p[0] for word in ONLY))]
    load_before = _load()
    server = start_gunicorn()
    results = {}
    try:
        for label, path, cookie in pages:
            for connections in CONCURRENCY:
                run_wrk(path, connections, cookie) if connections == CONCURRENCY[0] else None
                results[(label, connections)] = run_wrk(path, connections, cookie)
                print(f"  measured {label} at {connections} clients", file=sys.stderr, flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print_table(pages, results)
    print(f"load average before {load_before}, after {_load()} (1, 5, 15 min)")


def _load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def print_table(pages, results):
    floor_label = pages[0][0]
    print(
        f"\nLoad benchmark — gunicorn ({WORKERS} workers), PostgreSQL, scale {SCALE}, "
        f"{SECONDS} s per run, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}"
    )
    header = f"{'page':<32} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'of floor':>9}"
    print(header)
    print("-" * len(header))
    for label, _path, _cookie in pages:
        for connections in CONCURRENCY:
            r = results[(label, connections)]
            floor = results[(floor_label, connections)]["rps"]
            print(
                f"{label:<32} {connections:>7} {r['rps']:>9.1f} {r['p50_us'] / 1000:>8.1f} "
                f"{r['p95_us'] / 1000:>8.1f} {r['p99_us'] / 1000:>8.1f} "
                f"{r['errors'] + r['non2xx']:>7} {r['rps'] / floor:>8.0%}"
            )


if __name__ == "__main__":
    main()
