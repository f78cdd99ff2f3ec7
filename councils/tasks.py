from smtplib import SMTPException

from celery import shared_task

from councils import services


@shared_task(
    name="councils.send_agenda_notifications",
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=6,
)
def send_agenda_notifications(meeting_id: int) -> int:
    """One Danish e-mail per active member about a published agenda; safe to run again."""
    return services.send_agenda_notifications(meeting_id=meeting_id)
