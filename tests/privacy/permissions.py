"""Every privacy URL × every role: the notice is public, Mine data is for everyone logged in,
the irreversible tools are the administrators'."""

from django.contrib.contenttypes.models import ContentType

from tests.permissions.matrix import LOGIN, Row, expect, logged_in, public

ADMIN_ONLY = expect(403, anonymous=LOGIN, administrator=200)


def _member_history(world):
    user = world.users["member"]
    return {"ct": ContentType.objects.get_for_model(type(user)).pk, "object_id": user.pk}


def _member_history_entry(world):
    user = world.users["member"]
    return {**_member_history(world), "history_id": user.history.latest().pk}


ROWS = [
    Row("privacy:notice", public(200)),
    Row("privacy:my_data", logged_in(200)),
    Row("privacy:my_data_download", logged_in(200), method="post"),
    Row(
        "privacy:pseudonymise",
        ADMIN_ONLY,
        kwargs=lambda world: {"pk": world["colleague"].pk},
    ),
    Row(
        "privacy:pseudonymise",
        expect(403, anonymous=LOGIN, administrator=302),
        kwargs=lambda world: {"pk": world["colleague"].pk},
        method="post",
        data={"reason": "Udtrådt af rådet.", "confirm": "on"},
    ),
    Row("privacy:history_entries", ADMIN_ONLY, kwargs=_member_history),
    Row("privacy:history_purge", ADMIN_ONLY, kwargs=_member_history_entry),
    Row(
        "privacy:history_purge",
        expect(403, anonymous=LOGIN, administrator=302),
        kwargs=_member_history_entry,
        method="post",
        data={"fields_to_purge": ["full_name"], "reason": "Anmodning.", "confirm": "on"},
    ),
]
