import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# Settings give the web process its own, short database statement timeout
# (PORTAL_DB_STATEMENT_TIMEOUT); migrations, commands and Celery tasks do not get it.
os.environ.setdefault("PORTAL_PROCESS", "web")

application = get_wsgi_application()

# Everything loaded so far (Django, the apps, their modules: ~120,000 objects) lives as long
# as the process. Frozen, the garbage collector no longer walks it on every full collection,
# which otherwise stalls one request in a few hundred for ~100 ms (bench/RESULTS.md).
gc.freeze()
