"""Settings for the user-council portal, read from the environment.

Every setting a deployment may change is listed in README.md ("Settings").
The defaults give the embedded setup: SQLite in the project folder, Celery
tasks run eagerly, e-mail printed to the console.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from accounts.oidc_config import socialaccount_providers
from portal.accessibility import read_statement_settings
from portal.cache import redis_caches
from portal.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DJANGO_DEBUG off the portal refuses to start "
            "without a secret key: set SECRET_KEY to a long random value "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105

# Second-factor secrets (TOTP keys, recovery-code seeds) are stored encrypted with this key
# (accounts/mfa.py). Comma-separated: the first encrypts, all decrypt, so a key can be rotated
# (`manage.py rotate_mfa_encryption`).
PORTAL_MFA_ENCRYPTION_KEYS = env_list("PORTAL_MFA_ENCRYPTION_KEY")
if not PORTAL_MFA_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "PORTAL_MFA_ENCRYPTION_KEY is not set. With DJANGO_DEBUG off the portal refuses to "
            "start without the key that encrypts two-factor secrets: set it to a long random "
            "value (for example: python -c 'import secrets; print(secrets.token_urlsafe(32))') "
            "and keep it as safe as the database backups."
        )
    PORTAL_MFA_ENCRYPTION_KEYS = ["development-only:" + SECRET_KEY]
if any(len(key) < 32 for key in PORTAL_MFA_ENCRYPTION_KEYS):
    raise ImproperlyConfigured("PORTAL_MFA_ENCRYPTION_KEY must be at least 32 characters long.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

PORTAL_MUNICIPALITY = env_str("PORTAL_MUNICIPALITY", "Demo Kommune")
PORTAL_REQUIRE_STAFF_MFA = env_bool("PORTAL_REQUIRE_STAFF_MFA", True)
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# The accessibility statement: country (dk/no), contact, date, compliance, known issues and
# the link to the statement made with the national tool (see portal/accessibility.py).
PORTAL_ACCESSIBILITY_STATEMENT = read_statement_settings(os.environ)

# Apps in dependency order: an app may import only the apps listed before it.
PORTAL_APPS = [
    "outbox",
    "accounts",
    # The access log comes early so every later app's views can use its helper.
    "audit",
    "organisation",
    "councils",
    "policies",
    "actionplans",
    "reports",
    # Attendance answers, substitutes, support to attend and reminders for council meetings.
    "participation",
    # What each member hears about, and when (at once, daily digest, off).
    "notifications",
    "search",
    # Personal data through its whole life: needs every other app, so it comes last.
    "privacy",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Full-text search lookups; harmless on SQLite, where search falls back to LIKE.
    "django.contrib.postgres",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "csp",
    "core",
    "portal",
    *PORTAL_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so static files carry the policies too.
    "csp.middleware.CSPMiddleware",
    # Below CSP: adds the configured OpenID Connect providers to form-action.
    "accounts.middleware.ProviderFormActionMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.DanishUnlessChosenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireStaffMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.pagecache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A database that does not answer must not hold a web worker for long. portal/wsgi.py marks
# the web process (PORTAL_PROCESS=web) before settings load: only there does a statement
# time out after PORTAL_DB_STATEMENT_TIMEOUT ms. Migrations, management commands and Celery
# tasks get PORTAL_DB_TASK_STATEMENT_TIMEOUT (0: none; the task time limit still holds).
PORTAL_PROCESS = env_str("PORTAL_PROCESS")
PORTAL_DB_CONNECT_TIMEOUT = env_int("PORTAL_DB_CONNECT_TIMEOUT", 5)
PORTAL_DB_STATEMENT_TIMEOUT = env_int(
    "PORTAL_DB_STATEMENT_TIMEOUT"
    if PORTAL_PROCESS == "web"
    else "PORTAL_DB_TASK_STATEMENT_TIMEOUT",
    15000 if PORTAL_PROCESS == "web" else 0,
)
# PostgreSQL's planner cost of reading a random page. Its default (4) assumes spinning disks;
# on SSD storage (1.1) the planner looks rows up by index instead of hashing whole tables:
# the meeting page's comment authors were read by hashing every user on every view.
# Empty: leave the server's own setting.
PORTAL_DB_RANDOM_PAGE_COST = env_str("PORTAL_DB_RANDOM_PAGE_COST", "1.1")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the Celery worker and the web process read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Seconds a write waits for another process's lock before it fails.
        "timeout": PORTAL_DB_CONNECT_TIMEOUT,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = PORTAL_DB_CONNECT_TIMEOUT
    _server_settings = []
    if PORTAL_DB_STATEMENT_TIMEOUT > 0:
        _server_settings.append(f"-c statement_timeout={PORTAL_DB_STATEMENT_TIMEOUT}")
    if PORTAL_DB_RANDOM_PAGE_COST:
        _server_settings.append(f"-c random_page_cost={PORTAL_DB_RANDOM_PAGE_COST}")
    if _server_settings:
        DATABASES["default"]["OPTIONS"]["options"] = " ".join(_server_settings)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
# Redis down is not the site down (portal/cache.py): short timeouts, then the database cache
# for rate limiting (every gunicorn worker shares it) and no page cache, for a while.
PORTAL_REDIS_TIMEOUT_MS = env_int("PORTAL_REDIS_TIMEOUT_MS", 500)
PORTAL_REDIS_RETRY_SECONDS = env_int("PORTAL_REDIS_RETRY_SECONDS", 30)
# Made by portal/migrations/0001_fallback_cache_table.py.
PORTAL_FALLBACK_CACHE_TABLE = "portal_cache_fallback"
if REDIS_URL and REDIS_URL.rstrip("/") == env_str("CELERY_BROKER_URL").rstrip("/"):
    # Clearing the cache empties its whole Redis database (FLUSHDB): queued jobs would go too.
    raise ImproperlyConfigured(
        "REDIS_URL and CELERY_BROKER_URL name the same Redis database: give the cache and "
        "the broker a database each (for example redis://redis:6379/1 and redis://redis:6379/0)."
    )
if REDIS_URL:
    CACHES = redis_caches(
        REDIS_URL,
        timeout_ms=PORTAL_REDIS_TIMEOUT_MS,
        retry_seconds=PORTAL_REDIS_RETRY_SECONDS,
        fallback_table=PORTAL_FALLBACK_CACHE_TABLE,
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# /readyz/ answers within this many milliseconds, whatever hangs (portal/readiness.py).
PORTAL_READY_TIMEOUT_MS = env_int("PORTAL_READY_TIMEOUT_MS", 2000)

# What anonymous visitors see on the busiest public pages is kept this long (0: off);
# see core/pagecache.py.
PORTAL_PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 30)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.AdministratorModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail is the login; councils are appointed, so nobody signs up.
ACCOUNT_ADAPTER = "accounts.adapter.PortalAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("PORTAL_LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
}
# The login e-mail is changed by an administrator in the user admin only (accounts/admin.py);
# users cannot add, switch or remove addresses themselves.
ACCOUNT_MAX_EMAIL_ADDRESSES = 1
ACCOUNT_CHANGE_EMAIL = False
# Subjects name the municipality, never the Host header of the request.
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{PORTAL_MUNICIPALITY}] "
# Nobody signs up, so a reset request for an unknown address gets no e-mail at all.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# Login through the municipality's identity provider or a MitID broker (OpenID Connect);
# docs/SSO.md. Only people the municipality created can log in: see accounts/socialadapter.py.
SOCIALACCOUNT_ADAPTER = "accounts.socialadapter.PortalSocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = socialaccount_providers(env_str("PORTAL_OIDC_PROVIDERS"))
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
# Staff whose verified e-mail is in one of these domains get a plain user (no role) on their
# first login through a staff provider; an administrator then gives the role.
PORTAL_OIDC_STAFF_DOMAINS = [d.lower().lstrip("@") for d in env_list("PORTAL_OIDC_STAFF_DOMAINS")]
# Staff with a linked login at a staff provider cannot log in with a password, so leaving the
# municipality (account closed at the provider) locks them out here too.
PORTAL_OIDC_DISABLE_STAFF_PASSWORD = env_bool("PORTAL_OIDC_DISABLE_STAFF_PASSWORD", False)
MFA_ADAPTER = "accounts.mfa.PortalMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = PORTAL_MUNICIPALITY

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Largest uploaded file; a request may be 5 MB larger (portal/uploadlimit.py). The reverse
# proxy's body limit (client_max_body_size) should be PORTAL_MAX_UPLOAD_MB + 5 MB too.
PORTAL_MAX_UPLOAD_MB = env_int("PORTAL_MAX_UPLOAD_MB", 20)
FILE_UPLOAD_HANDLERS = [
    "portal.uploadlimit.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# E-mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# Only for the file-based backend (e.g. the Celery integration test).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or None
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "brugerraad@demo-kommune.invalid")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without a broker every task runs at once in the calling process.
CELERY_TASK_ALWAYS_EAGER = not env_str("CELERY_BROKER_URL")
# An in-memory transport keeps kombu quiet when no broker is configured (tasks run eagerly).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
# A message a dead worker never acknowledged comes back after this many seconds; just above
# the hard time limit, so a render still running is never handed to a second worker.
# The worker looks for such messages every restore interval (kombu's default is ~100 s).
# A broker that does not answer refuses the PDF button within seconds, not minutes.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT + 30),
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 5,
}
# A child that grew past this (KiB) after a big render is replaced, returning its memory.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 400000)
# A rendering worker touches its rendition this often (seconds); one silent for the stale
# limit is failed by the sweep, which the embedded beat runs every sweep interval.
PORTAL_RENDITION_HEARTBEAT_SECONDS = env_int("PORTAL_RENDITION_HEARTBEAT_SECONDS", 10)
PORTAL_RENDITION_STALE_SECONDS = env_int("PORTAL_RENDITION_STALE_SECONDS", 60)
PORTAL_RENDITION_SWEEP_SECONDS = env_int("PORTAL_RENDITION_SWEEP_SECONDS", 30)
# The worker runs with an embedded beat (docker-compose.yml) for this housekeeping.
CELERY_BEAT_SCHEDULE = {
    "fail-stuck-renditions": {
        "task": "reports.fail_stuck_renditions",
        "schedule": float(PORTAL_RENDITION_SWEEP_SECONDS),
    },
    "outbox-send-due": {"task": "outbox.send_due", "schedule": 60.0},
    "outbox-purge-sent": {"task": "outbox.purge_sent", "schedule": 86400.0},
    # The day before a meeting: one reminder per member (participation.MeetingReminder).
    "participation-send-reminders": {
        "task": "participation.send_reminders",
        "schedule": crontab(minute=5),
    },
    # Notifications (docs/NOTIFICATIONS.md): the deadline reminders first, so that a
    # reminder for the digest goes in the same morning's digest. Both are idempotent.
    "notifications-deadline-reminders": {
        "task": "notifications.deadline_reminders",
        "schedule": crontab(hour=6, minute=0),
    },
    "notifications-send-digests": {
        "task": "notifications.send_digests",
        "schedule": crontab(hour=6, minute=15),
    },
    # Retention (docs/PRIVACY.md): every night; idempotent, so a missed night is caught up.
    "apply-retention": {
        "task": "privacy.apply_retention",
        "schedule": crontab(hour=2, minute=30),
    },
}
# An e-mail that still fails after this many attempts (backoff 1, 2, 4 … 60 minutes) is given up.
PORTAL_OUTBOX_MAX_ATTEMPTS = env_int("PORTAL_OUTBOX_MAX_ATTEMPTS", 8)
PORTAL_OUTBOX_KEEP_DAYS = env_int("PORTAL_OUTBOX_KEEP_DAYS", 90)
# How long an unsubscribe link in a notification e-mail works (signed, no login).
PORTAL_NOTIFICATIONS_UNSUBSCRIBE_DAYS = env_int("PORTAL_NOTIFICATIONS_UNSUBSCRIBE_DAYS", 60)
# Notices and daily digest records are forgotten after this many days (docs/PRIVACY.md).
PORTAL_NOTIFICATIONS_KEEP_DAYS = env_int("PORTAL_NOTIFICATIONS_KEEP_DAYS", 90)

# Retention periods (slettefrister); docs/PRIVACY.md gives the reasons for the defaults.
PORTAL_RETENTION_COMMENT_YEARS = env_int("PORTAL_RETENTION_COMMENT_YEARS", 5)
PORTAL_RETENTION_HIDDEN_COMMENT_DAYS = env_int("PORTAL_RETENTION_HIDDEN_COMMENT_DAYS", 30)
PORTAL_RETENTION_FORMER_MEMBER_YEARS = env_int("PORTAL_RETENTION_FORMER_MEMBER_YEARS", 2)
PORTAL_RETENTION_ACCESS_LOG_MONTHS = env_int("PORTAL_RETENTION_ACCESS_LOG_MONTHS", 12)
PORTAL_RETENTION_SESSION_DAYS = env_int("PORTAL_RETENTION_SESSION_DAYS", 0)
PORTAL_RETENTION_SUPPORT_REQUEST_DAYS = env_int("PORTAL_RETENTION_SUPPORT_REQUEST_DAYS", 30)
PORTAL_RETENTION_ATTENDANCE_ANSWER_MONTHS = env_int("PORTAL_RETENTION_ATTENDANCE_ANSWER_MONTHS", 12)
# A meeting's reminder goes out when it is this many hours ahead ("the day before").
PORTAL_REMINDER_HOURS_BEFORE = env_int("PORTAL_REMINDER_HOURS_BEFORE", 24)

# The privacy notice (privatlivspolitik): the municipality states its own controller, legal
# basis and supervisory authority (Datatilsynet in Denmark and in Norway).
PORTAL_PRIVACY_CONTROLLER = env_str(
    "PORTAL_PRIVACY_CONTROLLER", f"{PORTAL_MUNICIPALITY}, Rådhuset, 1234 Demoby, CVR 12345678"
)
PORTAL_PRIVACY_DPO_CONTACT = env_str(
    "PORTAL_PRIVACY_DPO_CONTACT", "Databeskyttelsesrådgiveren, dpo@demo-kommune.invalid"
)
PORTAL_PRIVACY_LEGAL_BASIS = env_str(
    "PORTAL_PRIVACY_LEGAL_BASIS",
    "Databeskyttelsesforordningens art. 6, stk. 1, litra e (myndighedsudøvelse og opgaver i "
    "samfundets interesse), og for helbredsoplysninger art. 9, stk. 2, litra g og h, jf. "
    "databeskyttelseslovens § 7 og servicelovens regler om brugerinddragelse.",
)
PORTAL_PRIVACY_RECIPIENTS = env_str(
    "PORTAL_PRIVACY_RECIPIENTS",
    "Rådets medlemmer og sekretær; forvaltningens administratorer og sagsbehandlere; "
    "kommunens databehandlere for drift og e-mail; offentligheden for det, der er offentligt "
    "(godkendte referater, beslutninger, statusnotater og navne, du selv har sagt ja til).",
)
PORTAL_PRIVACY_AUTHORITY_NAME = env_str("PORTAL_PRIVACY_AUTHORITY_NAME", "Datatilsynet")
PORTAL_PRIVACY_AUTHORITY_URL = env_str(
    "PORTAL_PRIVACY_AUTHORITY_URL", "https://www.datatilsynet.dk/"
)

# Security. With debug off the secure defaults hold; a deployment behind a
# TLS-terminating proxy keeps them and sets SECURE_PROXY_SSL_HEADER.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, read without compiling a queryset per request (portal/sessions.py).
SESSION_ENGINE = "portal.sessions"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
PORTAL_BEHIND_TLS_PROXY = env_bool("PORTAL_BEHIND_TLS_PROXY", False)
if PORTAL_BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Login rate limits count per client address. Behind the proxy REMOTE_ADDR is the proxy's, so
# the client is read from X-Forwarded-For, trusting only as many hops as we run proxies.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int(
    "PORTAL_TRUSTED_PROXY_COUNT", 1 if PORTAL_BEHIND_TLS_PROXY else 0
)

# Content-Security-Policy (django-csp 4): nothing inline, nothing from elsewhere.
# Every script and style is a file under STATIC_URL; Bootstrap's icons are data: URIs
# in its CSS. htmx is told not to inject its own <style> (templates/base.html).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        # accounts.middleware.ProviderFormActionMiddleware adds the OpenID Connect providers.
        "form-action": ["'self'"],
    }
}
# Browser features the portal never uses are switched off for every page
# (portal.middleware.SecurityHeadersMiddleware writes the header).
PORTAL_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": ["self"],
    "usb": [],
    "xr-spatial-tracking": [],
}

# The private calendar tokens (/raad/kalender/<token>.ics) are redacted from every
# record Django logs; django.server is redefined here because a logger named in this
# dict loses the handlers Django's defaults gave it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "portal.logredact.RedactCalendarTokens"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"filters": ["redact_tokens"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact_tokens"],
        },
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
