"""Rendering benchmark for status reports (issue 6). Prints figures; it is not a test.

    make bench-render        (or: .venv/bin/python bench/render.py)

For the demo report and for a report of about 40 pages it prints the median of
5 runs of (a) the portal's whole rendering task (assemble + template + WeasyPrint
+ store) and (b) WeasyPrint alone on the same HTML, and the peak memory (VmHWM)
of a real Celery worker (solo pool, Redis broker) while it renders the 40-page report.
It uses its own SQLite database in a temporary folder.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="portal-bench-render-"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BROKER = os.environ.get("BENCH_BROKER", "redis://127.0.0.1:6379/14")

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": "bench-only-not-a-secret",
        "PORTAL_MFA_ENCRYPTION_KEY": "bench-only-mfa-key-not-a-secret-0123456789",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(WORK / "media"),
        "LOG_LEVEL": "WARNING",
    }
)
os.environ.pop("CELERY_BROKER_URL", None)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from reports import services  # noqa: E402
from reports.models import Rendition, StatusReport  # noqa: E402
from reports.pdf import render_pdf  # noqa: E402


def median_seconds(function):
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def make_long_report(target_pages=40):
    """The demo report's text with enough goals for the year to fill about 40 pages."""
    from organisation.models import FocusArea, Unit
    from policies.models import GoalStatus, InvolvementLevel, PolicyVersion, UnitGoal

    demo = StatusReport.objects.get(version=1, title__startswith="Brugerdemokrati")
    report = StatusReport.objects.create(
        title="Brugerdemokrati og selvforvaltning – langt statusnotat",
        period="medio 2030",
        year=2030,
        committee=demo.committee,
        date=demo.date,
        background=demo.background * 3,
        status_intro=demo.status_intro,
        method=demo.method * 3,
        development_projects=demo.development_projects * 3,
        economy=demo.economy,
        next_report="medio 2031",
    )
    units = list(Unit.objects.all())
    areas = list(FocusArea.objects.all())
    policy = PolicyVersion.objects.filter(status="adopted").first() or PolicyVersion.objects.first()
    levels, statuses = list(InvolvementLevel), list(GoalStatus)
    goals_per_page = 10  # measured: about ten goal rows fill an A4 page
    UnitGoal.objects.bulk_create(
        UnitGoal(
            unit=units[n % len(units)],
            year=2030,
            policy=policy,
            focus_area=areas[n % len(areas)],
            title=f"Brugerne inddrages i tilrettelæggelsen af tilbud nr. {n}",
            involved_in="Prioritering af temaer og evaluering af indsatsen.",
            organisation="Brugerrådet og dialogmøder to gange om året.",
            level=levels[n % len(levels)],
            primary_users="Brugerne af tilbuddet",
            secondary_users="Pårørende",
            indicator="Andel brugere, der har deltaget i et dialogmøde",
            target=f"Mindst {40 + n % 50} % af brugerne har deltaget i et dialogmøde",
            deadline=f"2030-{1 + n % 12:02d}-28",
            status=statuses[n % len(statuses)],
        )
        for n in range(goals_per_page * target_pages)
    )
    return report


def measure(report, label):
    def portal_task():
        # The task's whole job, on a fresh rendition each time (as a user's click makes).
        rendition = Rendition.objects.create(
            report=report,
            content_html=services.build_content(report),
            source_checksum="bench",
        )
        services.render_rendition(rendition.pk)
        return rendition

    rendition = portal_task()
    rendition.refresh_from_db()
    html = services.build_print_document(rendition)
    portal = median_seconds(portal_task)
    alone = median_seconds(lambda: render_pdf(html, identifier="bench"))
    print(
        f"{label:<26} {rendition.page_count:>5} {portal:>10.2f} {alone:>14.2f} "
        f"{portal / alone:>9.2f}",
        flush=True,
    )
    return rendition


def worker_peak_memory(report):
    """Peak resident memory of a real Celery worker (solo pool) rendering the report."""
    env = {**os.environ, "CELERY_BROKER_URL": BROKER}
    subprocess.run(["redis-cli", "-u", BROKER, "flushdb"], check=True, capture_output=True)
    log = WORK / "worker.log"
    worker = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "portal",
            "worker",
            "--pool",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(60):
            if "ready" in log.read_text():
                break
            time.sleep(0.5)
        rendition = Rendition.objects.create(
            report=report, content_html=services.build_content(report), source_checksum="bench"
        )
        from celery import Celery

        Celery(broker=BROKER).send_task("reports.render_rendition", args=[rendition.pk])
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            rendition.refresh_from_db()
            if rendition.is_finished:
                break
            time.sleep(0.5)
        status = Path(f"/proc/{worker.pid}/status").read_text()
        peak_kb = int(
            next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]
        )
        return rendition, peak_kb / 1024
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--force-insecure-demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    demo = StatusReport.objects.get(version=1, title__startswith="Brugerdemokrati og selv")
    long_report = make_long_report()
    print(
        f"Rendering benchmark — median of {RUNS} runs, {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    print(f"{'report':<26} {'pages':>5} {'portal s':>10} {'WeasyPrint s':>14} {'ratio':>9}")
    measure(demo, "demo (seed 000)")
    measure(long_report, "long report")
    try:
        rendition, peak = worker_peak_memory(long_report)
        print(
            f"Celery worker (solo pool) peak memory rendering the long report "
            f"({rendition.page_count} pages, {rendition.status}): {peak:.0f} MB"
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"Worker memory not measured (is Redis running?): {exc}")


if __name__ == "__main__":
    main()
