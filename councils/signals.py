"""Signals other apps listen to; councils imports none of them (apps later in PORTAL_APPS do).

``meeting_changed`` is sent after commit when a meeting moves (start, end or place changed) or is
cancelled: ``meeting_changed.send(sender=Meeting, meeting=meeting, change="moved" | "cancelled")``.
The notifications app turns it into the "meeting moved or cancelled" notice.

``agenda_publishing`` is sent inside the publishing transaction, before the agenda e-mails are
put in the outbox: ``agenda_publishing.send(sender=Meeting, meeting=meeting, users=[...],
fingerprint=...)`` with the members about to get one. A receiver returns the ids of the users
it takes over (the notifications app: those who chose the daily digest or no e-mail); they get
no agenda e-mail from councils.

``agenda_mail_headers`` is sent while one member's agenda e-mail is built:
``agenda_mail_headers.send(sender=Meeting, meeting=meeting, user=user)``; each receiver returns
extra e-mail headers (the notifications app: ``List-Unsubscribe`` for the "agenda published"
kind, so the member can switch it off from the mail program without logging in).
"""

from django.dispatch import Signal

meeting_changed = Signal()
agenda_publishing = Signal()
agenda_mail_headers = Signal()
