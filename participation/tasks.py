from celery import shared_task

from participation import services


@shared_task(name="participation.send_reminders")
def send_reminders() -> int:
    """Hourly (CELERY_BEAT_SCHEDULE): reminders for the meetings of the next day; idempotent."""
    return services.queue_reminders()
