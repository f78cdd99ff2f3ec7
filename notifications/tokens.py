"""Signed, expiring links that switch one kind of notification off without logging in.

The token is ``django.core.signing`` of (user id, kind) with its own salt; it expires after
``PORTAL_NOTIFICATIONS_UNSUBSCRIBE_DAYS``. ``DIGEST`` stands for every kind sent in the digest
(the digest e-mail's List-Unsubscribe header).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from core.email import absolute_url

SALT = "notifications.unsubscribe"
DIGEST = "digest"


class BadToken(Exception):
    """Tampered with, or not one of ours."""


class ExpiredToken(BadToken):
    pass


def max_age() -> int:
    return settings.PORTAL_NOTIFICATIONS_UNSUBSCRIBE_DAYS * 86400


def make_token(user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired:
        raise ExpiredToken from None
    except signing.BadSignature:
        raise BadToken from None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise BadToken
    return data["u"], str(data.get("k", ""))


def unsubscribe_url(user_id: int, kind: str) -> str:
    return absolute_url(reverse("notifications:unsubscribe", args=[make_token(user_id, kind)]))
