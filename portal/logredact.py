"""Keeps the private calendar tokens and the e-mails' unsubscribe tokens out of every log line.

A member's personal calendar feed is ``/raad/kalender/<token>.ics``: whoever
holds the address reads the member's meetings without logging in, so the
token is a password and must never reach a log file. The same pattern is
redacted by the proxy (deploy/nginx/portal.conf) and by gunicorn's access log
(deploy/gunicorn.conf.py); this module does it for Django's own loggers.
"""

import logging
import re

# Any path segment ending in .ics right after "kalender/": the per-member feed.
# The council feed (/raad/<pk>/kalender.ics) holds no secret and is left as it is.
TOKEN_PATH = re.compile(r"(/kalender/)[^/?#\s\"']+(\.ics)")
# The signed one-click unsubscribe link of notification e-mails (/notifikationer/afmeld/<token>/):
# it names the member and works without logging in.
UNSUBSCRIBE_PATH = re.compile(r"(/afmeld/)[^/?#\s\"']+(/)")
REDACTED = r"\1[redacted]\2"


def redact(text: str) -> str:
    return UNSUBSCRIBE_PATH.sub(REDACTED, TOKEN_PATH.sub(REDACTED, text))


class RedactCalendarTokens(logging.Filter):
    """Rewrites the record's message with the tokens replaced; never drops a record."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
