"""The settings every in-process bench script runs Django with: a PostgreSQL database of its
own (``BENCH_DB``), production settings with bench-only keys, no MFA step, quiet logs."""

import os


def use_bench_database(default_db: str) -> str:
    db_name = os.environ.get("BENCH_DB", default_db)
    os.environ["BENCH_DB"] = db_name
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db_name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("PORTAL_REQUIRE_STAFF_MFA", "false")
    os.environ.setdefault("PORTAL_MFA_ENCRYPTION_KEY", "bench-only-mfa-key-not-a-secret-0123456789")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    return db_name
