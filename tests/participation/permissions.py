"""Every participation URL × every role.

The members-only ``meeting``: the member and the secretary hold seats there (they answer);
the overview, the support list and cancelling are the secretary's and administrators' only.
Support requests are never shown to other members or the public: the support list is a 403
for the member and a 404 (or the login page) for everyone outside the council.
"""

from tests.councils.permissions import MANAGE, MANAGE_POST, MANAGE_PUBLIC, pk
from tests.permissions.matrix import LOGIN, Row, expect

SEAT_HOLDERS = expect(404, anonymous=LOGIN, member=200, secretary=200, administrator=403)
SEAT_HOLDERS_POST = expect(404, anonymous=LOGIN, member=302, secretary=302, administrator=403)
# The public council's meeting: everyone sees it; only its member (outsider) answers.
PUBLIC_SEAT = expect(403, anonymous=LOGIN, outsider=200)
PUBLIC_MANAGE_POST = expect(403, anonymous=LOGIN, administrator=302)


def record_data(world):
    return {"membership": world["membership"].pk, "answer": "no"}


def handled_data(world):
    return {"request": world["colleague_support"].pk, "handled": "1"}


ROWS = [
    Row("participation:answer", SEAT_HOLDERS, kwargs=pk("meeting")),
    Row(
        "participation:answer",
        SEAT_HOLDERS_POST,
        kwargs=pk("meeting"),
        method="post",
        data={"answer": "yes", "with_support": "1", "needs": ["transport"]},
    ),
    Row("participation:answer", PUBLIC_SEAT, kwargs=pk("public_meeting"), label="public"),
    Row("participation:overview", MANAGE, kwargs=pk("meeting")),
    Row(
        "participation:overview",
        MANAGE_POST,
        kwargs=pk("meeting"),
        method="post",
        data=record_data,
    ),
    Row("participation:overview", MANAGE_PUBLIC, kwargs=pk("public_meeting"), label="public"),
    Row("participation:support_list", MANAGE, kwargs=pk("meeting")),
    Row(
        "participation:support_list",
        MANAGE_POST,
        kwargs=pk("meeting"),
        method="post",
        data=handled_data,
    ),
    Row("participation:support_list", MANAGE_PUBLIC, kwargs=pk("public_meeting"), label="public"),
    Row("participation:cancel", MANAGE, kwargs=pk("meeting")),
    Row("participation:cancel", MANAGE_POST, kwargs=pk("meeting"), method="post"),
    Row("participation:cancel", MANAGE_PUBLIC, kwargs=pk("public_meeting"), label="public"),
    Row(
        "participation:cancel",
        PUBLIC_MANAGE_POST,
        kwargs=pk("public_meeting"),
        method="post",
        label="public",
    ),
    # A held meeting cannot be cancelled: the secretary is told so on the meeting's page.
    Row(
        "participation:cancel",
        expect(404, anonymous=LOGIN, member=403, secretary=302, administrator=302),
        kwargs=pk("held_meeting"),
        label="held",
    ),
]
