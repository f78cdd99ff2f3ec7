import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError, close_old_connections, connection
from django.utils.translation import gettext as _

from reports import services

logger = logging.getLogger(__name__)

# Errors worth another try: the database or the disk was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)


@shared_task(name="reports.render_rendition", bind=True, max_retries=3)
def render_rendition_task(self, rendition_id: int):
    try:
        services.render_rendition(rendition_id)
    except SoftTimeLimitExceeded:
        services.mark_failed(
            rendition_id, _("PDF'en tog for lang tid at generere og blev stoppet.")
        )
    except TRANSIENT_ERRORS as exc:
        _reconnect()
        if self.request.retries >= self.max_retries:
            logger.exception("Rendition %s failed after retries", rendition_id)
            services.mark_failed(
                rendition_id, _("Midlertidig fejl, også efter flere forsøg: %s") % exc
            )
            return
        services.mark_queued_for_retry(rendition_id)
        # throw=False: the retry is sent (or, in eager mode, run at once) without raising.
        return self.retry(exc=exc, countdown=2 ** (self.request.retries + 1), throw=False)
    except Exception as exc:
        logger.exception("Rendition %s failed", rendition_id)
        services.mark_failed(rendition_id, _("PDF'en kunne ikke genereres: %s") % exc)


def _reconnect():
    """After a dropped database connection the next query would fail again ("the
    connection is closed"), killing the bookkeeping for the retry: start afresh."""
    if connection.in_atomic_block:
        return
    close_old_connections()
    connection.close()


@shared_task(name="reports.fail_stuck_renditions")
def fail_stuck_renditions_task():
    return services.fail_stuck_renditions()
