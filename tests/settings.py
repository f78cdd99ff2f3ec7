"""Test settings: the real settings module, with a key and fast password hashing.

The suite runs with DJANGO_DEBUG off, like production; DATABASE_URL picks
SQLite (default) or PostgreSQL exactly as in a deployment.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("PORTAL_BASE_URL", "http://testserver")
os.environ.setdefault("PORTAL_MFA_ENCRYPTION_KEY", "tests-only-mfa-key-not-a-secret-0123456789")

from portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PORTAL_REQUIRE_STAFF_MFA = False
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or BASE_DIR / ".test-media"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests change data and read pages at once; tests/portal/test_pagecache.py turns it on.
PORTAL_PAGE_CACHE_SECONDS = 0
