"""What the secretary sees of an agenda's e-mails: who has it, who is still waiting."""

from dataclasses import dataclass, field

from councils.models import AgendaNotification, Meeting
from councils.services import AGENDA_MAIL, agenda_recipients
from outbox.models import Message, Status


@dataclass
class AgendaDelivery:
    members: int = 0
    notified: int = 0
    pending: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    @property
    def not_at_once(self) -> int:
        """Members without an e-mail of their own: they chose the daily digest or no agenda
        e-mail (the notifications app takes them over), or joined after the publishing."""
        return self.members - self.notified - len(self.pending) - len(self.failed)


def agenda_delivery(meeting: Meeting) -> AgendaDelivery:
    """Of the current members: how many got the agenda, whose e-mail waits (perhaps being
    retried), and whose could not be sent at all. Three queries, whatever the council's size."""
    members = list(agenda_recipients(meeting).only("pk", "full_name", "email"))
    notified = set(
        AgendaNotification.objects.filter(meeting=meeting).values_list("user_id", flat=True)
    )
    waiting, given_up = set(), set()
    rows = Message.objects.of_kind(AGENDA_MAIL, meeting=meeting.pk).filter(
        status__in=[Status.PENDING, Status.FAILED]
    )
    for status, payload in rows.values_list("status", "payload"):
        (waiting if status == Status.PENDING else given_up).add(payload.get("user"))
    given_up -= waiting | notified
    delivery = AgendaDelivery(members=len(members))
    for user in members:
        if user.pk in waiting:
            delivery.pending.append(user)
        elif user.pk in given_up:
            delivery.failed.append(user)
        elif user.pk in notified:
            delivery.notified += 1
    return delivery
