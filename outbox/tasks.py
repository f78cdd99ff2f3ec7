from celery import shared_task

from outbox import services


@shared_task(name="outbox.send_due")
def send_due() -> int:
    """Sends every outbox e-mail that is due; run by beat every minute and after each enqueue."""
    return services.send_due()


@shared_task(name="outbox.purge_sent")
def purge_sent() -> int:
    return services.purge_sent()
