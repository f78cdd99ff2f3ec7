"""A hanging or slow PostgreSQL does not hold the web process: connect and statement timeouts.

The timeouts are read by portal/settings.py from the environment and depend on the process
(portal/wsgi.py marks the web process), so each check runs a fresh Python process set up like
production, against the test database, directly or through the fault proxy.
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

PROBE = """
import sys, time
{setup}
from django.db import connection
started = time.monotonic()
try:
    with connection.cursor() as cursor:
        cursor.execute({sql!r})
        row = cursor.fetchone()
except Exception as exc:
    print(type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "", flush=True)
    print("seconds", round(time.monotonic() - started, 2))
    sys.exit(3)
print("completed", *row, round(time.monotonic() - started, 2))
"""
WEB = "import portal.wsgi"
COMMAND = "import django; django.setup()"


def _run(connection, *, setup, sql, port=None, env=None, timeout=30):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{port or db['PORT']}/{db['NAME']}"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PORTAL_", "DJANGO_"))}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup, sql=sql)],
        cwd=settings.BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": "fault-tests-only",
            "PORTAL_MFA_ENCRYPTION_KEY": "fault-tests-only-mfa-key-0123456789abcdef",
            "DATABASE_URL": url,
            "PGPASSWORD": db.get("PASSWORD") or "",
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return result, time.monotonic() - started


def test_the_web_process_cancels_a_statement_that_runs_too_long(postgres):
    result, _ = _run(
        postgres,
        setup=WEB,
        sql="SELECT pg_sleep(5)",
        env={"PORTAL_DB_STATEMENT_TIMEOUT": "300"},
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "statement timeout" in result.stdout
    assert float(result.stdout.split("seconds")[1]) < 2


def test_the_web_process_has_a_statement_timeout_by_default(postgres):
    result, _ = _run(postgres, setup=WEB, sql="SHOW statement_timeout")
    assert result.stdout.split()[:2] == ["completed", "15s"], result.stdout + result.stderr


def test_commands_and_tasks_are_not_cut_short_by_the_web_timeout(postgres):
    result, _ = _run(
        postgres,
        setup=COMMAND,
        sql="SELECT pg_sleep(1)",
        env={"PORTAL_DB_STATEMENT_TIMEOUT": "300"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "completed" in result.stdout


def test_tasks_get_their_own_statement_timeout(postgres):
    result, _ = _run(
        postgres,
        setup=COMMAND,
        sql="SELECT pg_sleep(5)",
        env={"PORTAL_DB_TASK_STATEMENT_TIMEOUT": "300"},
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "statement timeout" in result.stdout


def test_a_database_that_hangs_new_connections_fails_within_the_connect_timeout(postgres, pg_proxy):
    connection = postgres
    pg_proxy.hang()
    try:
        result, seconds = _run(
            connection,
            setup=WEB,
            sql="SELECT 1",
            port=pg_proxy.port,
            env={"PORTAL_DB_CONNECT_TIMEOUT": "2"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the connection attempt hung: no connect timeout")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "OperationalError" in result.stdout
    assert "timeout" in result.stdout.lower()
    assert float(result.stdout.split("seconds")[1]) < 4
    assert pg_proxy.accepted >= 1  # it did go through the proxy
