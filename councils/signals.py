"""Signals other apps listen to; councils imports none of them (apps later in PORTAL_APPS do).

``meeting_changed`` is sent after commit when a meeting moves (start, end or place changed) or is
cancelled: ``meeting_changed.send(sender=Meeting, meeting=meeting, change="moved" | "cancelled")``.
The notifications app turns it into the "meeting moved or cancelled" notice.

``agenda_publishing`` is sent inside the publishing transaction, before the agenda e-mails are
put in the outbox: ``agenda_publishing.send(sender=Meeting, meeting=meeting, users=[...],
fingerprint=...)`` with the members about to get one. A receiver returns the ids of the users
it takes over (the notifications app: those who chose the daily digest or no e-mail); they get
no agenda e-mail from councils.
"""

from django.dispatch import Signal

meeting_changed = Signal()
agenda_publishing = Signal()
