"""Notification settings are every logged-in user's own; the unsubscribe link needs no login
(the signed token is the credential)."""

from notifications.kinds import Kind
from notifications.tokens import make_token
from tests.permissions.matrix import Row, logged_in, public


def _member_token(world):
    return {"token": make_token(world.users["member"].pk, Kind.NEW_COMMENTS)}


ROWS = [
    Row("notifications:settings", logged_in(200)),
    Row(
        "notifications:settings",
        logged_in(302),
        method="post",
        data={
            **{kind.value: "digest" for kind in Kind},
            "language": "da",
        },
    ),
    Row("notifications:unsubscribe", public(200), kwargs=_member_token),
    Row("notifications:unsubscribe", public(200), kwargs=_member_token, method="post"),
    Row(
        "notifications:unsubscribe",
        public(400),
        kwargs={"token": "ikke-et-gyldigt-token"},
        label="tampered",
    ),
]
