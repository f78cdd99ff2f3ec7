"""Search benchmark: single-client latency of /soeg/ for ten Danish queries, scale-1 data.

    .venv/bin/python bench/search.py            # uses (and if needed fills) portal_bench
    BENCH_DB=portal_other BENCH_RUNS=20 .venv/bin/python bench/search.py

Like bench/load.py it creates the PostgreSQL database once and fills it with
`generate_volume --scale 1`; an existing database is reused (and migrated, which
adds the search indexes). The pages are rendered in-process with Django's test
client, one request at a time, as the public, a council member and the
administrator (who sees the most: every council's comments). Prints p50/p95 and
the number of queries per query and role, and the load average before and after. It is
not a test.

On a shared machine the wall-clock figures follow the load; the "cpu ms" column is the
mean CPU time one request costs, this process's plus its PostgreSQL backend's (read
from /proc when the server runs on this machine), which the load hardly changes.
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.environment import use_bench_database  # noqa: E402

DB_NAME = use_bench_database("portal_bench")
RUNS = int(os.environ.get("BENCH_RUNS", "20"))

# Representative Danish searches: stems, compounds, phrases, a filter, operators.
QUERIES = [
    ("brugerrådet", {}),
    ("brugerrådets", {}),
    ("råd", {}),
    ("pårørende", {}),
    ("budget", {}),
    ("høring serviceinfo", {}),
    ('"modtaget forslag"', {}),
    ("forslag -økonomien", {}),
    ("personalenormering", {"sorter": "dato"}),
    ("mødet", {"type": "item"}),
]


COUNT = re.compile(r"([\d.]+) resultat")


def prepare():
    from bench.load import ensure_database

    ensure_database()


def main():
    prepare()
    import django

    django.setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from councils.models import Membership, SeatType

    member = (
        Membership.objects.active()
        .filter(council__meetings_public=False)
        .exclude(seat_type=SeatType.SECRETARY)
        .select_related("user")
        .order_by("pk")
        .first()
        .user
    )
    # The generated municipality has no administrator: the bench adds one (no password).
    administrator, _ = User.objects.get_or_create(
        email="bench-search-admin@example.invalid",
        defaults={"full_name": "Bench Administrator", "is_administrator": True},
    )
    roles = [("anonymous", None), ("member", member), ("administrator", administrator)]
    backend_cpu = _backend_cpu(connection)

    print(
        f"\nSearch benchmark — PostgreSQL, {DB_NAME}, in-process, one client, {RUNS} runs "
        f"per query and role, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"load average {_load()}"
    )
    header = (
        f"{'query':<28} {'role':<14} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'cpu ms':>8} {'queries':>8}"
    )
    print(header)
    print("-" * len(header))
    all_times = []
    for text, extra in QUERIES:
        for role, user in roles:
            client = Client()
            if user is not None:
                client.force_login(user)
            params = {"q": text, **extra}
            response = client.get("/soeg/", params)  # warm caches and the connection
            assert response.status_code == 200, (text, role, response.status_code)
            times = []
            cpu_started = time.process_time() + backend_cpu()
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get("/soeg/", params)
                    times.append((time.perf_counter() - started) * 1000)
            cpu = (time.process_time() + backend_cpu() - cpu_started) / RUNS * 1000
            all_times.extend(times)
            shown = COUNT.search(response.content.decode())
            label = text + (
                f" ({', '.join(f'{k}={v}' for k, v in extra.items())})" if extra else ""
            )
            print(
                f"{label[:28]:<28} {role:<14} {shown.group(1) if shown else '0':>8} "
                f"{statistics.median(times):>8.1f} {_p95(times):>8.1f} {cpu:>8.1f} {len(queries):>8}"
            )
    print(
        f"\nall queries and roles: p50 {statistics.median(all_times):.1f} ms, "
        f"p95 {_p95(all_times):.1f} ms; load average {_load()}"
    )


def _load():
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def _backend_cpu(connection):
    """Seconds of CPU the connection's PostgreSQL backend has used (0 if not readable)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    stat = Path(f"/proc/{pid}/stat")
    tick = os.sysconf("SC_CLK_TCK")

    def read():
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick  # utime + stime

    return read


def _p95(times):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
