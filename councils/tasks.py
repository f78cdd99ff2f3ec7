from celery import shared_task
from django.db import transaction

from councils import services
from councils.models import Meeting, MeetingStatus


@shared_task(name="councils.send_agenda_notifications")
def send_agenda_notifications(meeting_id: int) -> int:
    """Puts the agenda e-mails of a published meeting in the outbox (those not yet sent or
    waiting); the outbox sends them. Kept for tasks queued before the outbox existed."""
    with transaction.atomic():
        meeting = Meeting.objects.filter(pk=meeting_id, status=MeetingStatus.PUBLISHED).first()
        return services.enqueue_agenda_mails(meeting) if meeting else 0
