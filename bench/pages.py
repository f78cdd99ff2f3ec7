"""Quick per-page figures without a server: median time, queries and size of each page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/pages.py

Renders bench/targets.py's pages in-process with Django's test client (one
client, sequential, no network), so a change can be checked in seconds before
the real load benchmark. Prints figures; it is not a test.

BENCH_RUNS (default 10) renders per page; BENCH_PAGES=meeting measures only the pages
whose label contains one of the comma-separated words. The load average is printed
before and after, since the machine is shared.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
ONLY = [word for word in os.environ.get("BENCH_PAGES", "").split(",") if word]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("PORTAL_MFA_ENCRYPTION_KEY", "bench-only-mfa-key-not-a-secret-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("PORTAL_REQUIRE_STAFF_MFA", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    pages = json.loads(
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "targets.py")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    if ONLY:
        pages = [page for page in pages if any(word in page[0] for word in ONLY)]
    print(f"load average {_load()}, {RUNS} runs per page")
    print(f"{'page':<32} {'median ms':>10} {'min ms':>8} {'CPU ms':>8} {'queries':>8} {'KiB':>7}")
    for label, path, cookie in pages:
        client = Client()
        if cookie:
            name, value = cookie.split("=", 1)
            client.cookies[name] = value
        client.get(path)  # warm caches and connections
        # Queries are counted in a render of their own: capturing them (Django's debug
        # cursor) costs time per query that production does not spend.
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        query_count = len(queries)  # now: the next request empties Django's query log
        times, cpu = [], []
        for _ in range(RUNS):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, (path, response.status_code)
        print(
            f"{label:<32} {statistics.median(times) * 1000:>10.1f} {min(times) * 1000:>8.1f} "
            f"{statistics.median(cpu) * 1000:>8.1f} "
            f"{query_count:>8} {len(response.content) / 1024:>7.0f}"
        )
    print(f"load average {_load()}")


def _load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
