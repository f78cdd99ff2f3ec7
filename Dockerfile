# One image for the web process and the Celery worker.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint needs Pango; gettext compiles the message catalogues.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext curl \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 portal
WORKDIR /app

COPY requirements.lock .
RUN pip install -r requirements.lock

COPY --chown=portal:portal . .
# Build-time only values: collectstatic and compilemessages need settings to import.
RUN SECRET_KEY=build-only PORTAL_MFA_ENCRYPTION_KEY=build-only-not-used-for-any-secrets DJANGO_DEBUG=false python manage.py collectstatic --noinput -v0 \
 && SECRET_KEY=build-only PORTAL_MFA_ENCRYPTION_KEY=build-only-not-used-for-any-secrets DJANGO_DEBUG=false python manage.py compilemessages --ignore=.venv -v0 \
 && mkdir -p /data/media && chown -R portal:portal /data /app

USER portal
EXPOSE 8000
# Settings and the token-redacting access log: deploy/gunicorn.conf.py. Meant to run behind
# the proxy (deploy/nginx/portal.conf); do not publish this port directly.
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "portal.wsgi:application"]
