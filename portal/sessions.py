"""Django's database sessions, read with one plain SELECT.

Every logged-in request reads its session; Django's store compiles a queryset for it each
time (``Session.objects.get(session_key=…, expire_date__gt=now)``). This store reads the
same row, with the same conditions, through ``core.rows.first``. Writing, expiry, flushing
and cycling the key are Django's own. Set as ``SESSION_ENGINE``.
"""

from django.contrib.sessions.backends import db
from django.utils import timezone

from core.rows import first


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        if not self.session_key:
            self._session_key = None
            return None
        found = first(
            self.model,
            ("session_key", "=", self.session_key),
            ("expire_date", ">", timezone.now()),
        )
        if found is None:
            self._session_key = None
        return found
