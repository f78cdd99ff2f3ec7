"""Signals other apps listen to; councils imports none of them (apps later in PORTAL_APPS do).

``meeting_changed`` is sent after commit when a meeting moves (start, end or place changed) or is
cancelled: ``meeting_changed.send(sender=Meeting, meeting=meeting, change="moved" | "cancelled")``.
The notifications app turns it into the "meeting moved or cancelled" notice.
"""

from django.dispatch import Signal

meeting_changed = Signal()
