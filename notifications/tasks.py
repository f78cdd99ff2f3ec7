from celery import shared_task

from notifications import services


@shared_task(name="notifications.send_digests")
def send_digests() -> int:
    """The daily digest (beat, every morning); a rerun the same day sends nobody a second one."""
    return services.send_digests()


@shared_task(name="notifications.deadline_reminders")
def deadline_reminders() -> int:
    """Members who have not commented, two days before a comment deadline (beat, daily)."""
    return services.deadline_reminders()
