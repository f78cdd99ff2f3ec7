"""Every councils URL × every role.

``council`` is members-only (member, secretary sit there); ``other_council`` has public
meetings (outsider sits there). Hidden objects are a 404 for logged-in users and the
login page for anonymous visitors; visible objects without the right are a 403.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from councils.demo import minimal_pdf
from tests.permissions.matrix import (
    LOGIN,
    Row,
    admin_history_rows,
    expect,
    locked_admin_rows,
    logged_in,
    public,
)


def pk(name):
    return lambda world: {"pk": world[name].pk}


# Objects of the members-only council, by who may see them.
MEMBERS_ONLY_READ = expect(404, anonymous=LOGIN, member=200, secretary=200, administrator=200)
# Secretary's (and administrators') work on the members-only council.
MANAGE = expect(404, anonymous=LOGIN, member=403, secretary=200, administrator=200)
MANAGE_POST = expect(404, anonymous=LOGIN, member=403, secretary=302, administrator=302)
# The same work on the public council: everybody sees it, only administrators manage it.
MANAGE_PUBLIC = expect(403, anonymous=LOGIN, administrator=200)
# Approved minutes lock the agenda: nobody changes it any more (a 403 that names the reason).
LOCKED = expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=403)


def meeting_data(world):
    return {
        "title": "Ekstra møde",
        "starts_at": "2031-03-12T14:00",
        "ends_at": "2031-03-12T16:00",
        "location": "Rådhuset",
        "comment_deadline": "2031-03-10T12:00",
    }


def item_data(world):
    return {"title": "Nyt punkt", "kind": "droeftelse", "body": "Tekst"}


def attachment_data(world):
    # A fresh upload for every role: a file object is read once.
    return {"title": "Bilag", "file": SimpleUploadedFile("bilag.pdf", minimal_pdf("Bilag"))}


def attendance_data(world):
    return {f"m{world['membership'].pk}": "present"}


ROWS = [
    Row("councils:list", public(200)),
    Row("councils:detail", public(200), kwargs=pk("council"), label="members-only"),
    Row("councils:detail", public(200), kwargs=pk("other_council"), label="public"),
    Row(
        "councils:listing_consent",
        expect(403, anonymous=LOGIN, member=200, secretary=200),
        kwargs=pk("council"),
    ),
    Row(
        "councils:listing_consent",
        expect(403, anonymous=LOGIN, member=302, secretary=302),
        kwargs=pk("council"),
        method="post",
        data={"listed_publicly": "on"},
    ),
    Row("councils:council_feed", public(200), kwargs=pk("council"), label="members-only"),
    Row("councils:council_feed", public(200), kwargs=pk("other_council"), label="public"),
    # Meetings
    Row(
        "councils:meeting_create",
        expect(403, anonymous=LOGIN, secretary=200, administrator=200),
        kwargs=pk("council"),
    ),
    Row(
        "councils:meeting_create",
        expect(403, anonymous=LOGIN, secretary=302, administrator=302),
        kwargs=pk("council"),
        method="post",
        data=meeting_data,
    ),
    Row("councils:meeting_detail", MEMBERS_ONLY_READ, kwargs=pk("meeting"), label="members-only"),
    Row(
        "councils:meeting_detail", MEMBERS_ONLY_READ, kwargs=pk("planned_meeting"), label="planned"
    ),
    Row("councils:meeting_detail", public(200), kwargs=pk("public_meeting"), label="public"),
    Row("councils:meeting_edit", MANAGE, kwargs=pk("meeting")),
    Row("councils:meeting_edit", MANAGE_PUBLIC, kwargs=pk("public_meeting"), label="public"),
    Row(
        "councils:meeting_edit",
        MANAGE_POST,
        kwargs=pk("meeting"),
        method="post",
        data=meeting_data,
    ),
    Row("councils:meeting_publish", MANAGE, kwargs=pk("planned_meeting")),
    Row("councils:meeting_publish", MANAGE_POST, kwargs=pk("planned_meeting"), method="post"),
    Row("councils:meeting_held", MANAGE, kwargs=pk("past_meeting")),
    Row("councils:meeting_held", MANAGE_POST, kwargs=pk("past_meeting"), method="post"),
    Row("councils:meeting_minutes", MANAGE, kwargs=pk("held_meeting")),
    Row(
        "councils:meeting_minutes",
        MANAGE_POST,
        kwargs=pk("held_meeting"),
        method="post",
        data={"minutes": "Referat.", "approve": "1"},
    ),
    Row("councils:meeting_attendance", MANAGE, kwargs=pk("held_meeting")),
    Row(
        "councils:meeting_attendance",
        MANAGE_POST,
        kwargs=pk("held_meeting"),
        method="post",
        data=attendance_data,
    ),
    Row(
        "councils:meeting_attendance",
        LOCKED,
        kwargs=pk("approved_meeting"),
        method="post",
        data=attendance_data,
        label="locked",
    ),
    Row("councils:meeting_minutes", LOCKED, kwargs=pk("approved_meeting"), label="locked"),
    # councils.change_meeting: the portal and the admin ask the same rule.
    Row("councils:meeting_edit", LOCKED, kwargs=pk("approved_meeting"), label="locked"),
    Row(
        "councils:meeting_edit",
        LOCKED,
        kwargs=pk("approved_meeting"),
        method="post",
        data=meeting_data,
        label="locked",
    ),
    Row(
        "councils:meeting_minutes",
        LOCKED,
        kwargs=pk("approved_meeting"),
        method="post",
        data={"minutes": "Omskrevet."},
        label="locked",
    ),
    Row(
        "councils:meeting_detail",
        MEMBERS_ONLY_READ,
        kwargs=pk("approved_meeting"),
        label="approved",
    ),
    # Agenda items
    Row("councils:item_create", MANAGE, kwargs=pk("meeting")),
    Row("councils:item_create", MANAGE_POST, kwargs=pk("meeting"), method="post", data=item_data),
    Row("councils:item_edit", MANAGE, kwargs=pk("item")),
    Row(
        "councils:item_edit",
        # The agenda is not published: its items do not exist for the members yet.
        expect(404, anonymous=LOGIN, secretary=200, administrator=200),
        kwargs=pk("planned_item"),
        label="planned",
    ),
    Row("councils:item_edit", MANAGE_PUBLIC, kwargs=pk("public_item"), label="public"),
    Row("councils:item_edit", MANAGE_POST, kwargs=pk("item"), method="post", data=item_data),
    Row("councils:item_edit", LOCKED, kwargs=pk("approved_item"), label="locked"),
    Row(
        "councils:item_edit",
        LOCKED,
        kwargs=pk("approved_item"),
        method="post",
        data=item_data,
        label="locked",
    ),
    Row(
        "councils:item_create",
        LOCKED,
        kwargs=pk("approved_meeting"),
        method="post",
        data=item_data,
        label="locked",
    ),
    Row("councils:item_delete", LOCKED, kwargs=pk("approved_item"), method="post", label="locked"),
    Row(
        "councils:item_move",
        LOCKED,
        kwargs=pk("approved_item"),
        method="post",
        data={"direction": "up"},
        label="locked",
    ),
    Row("councils:item_delete", MANAGE, kwargs=pk("item")),
    Row("councils:item_delete", MANAGE_POST, kwargs=pk("item"), method="post"),
    Row(
        "councils:item_move",
        expect(404, anonymous=LOGIN, member=403, secretary=405, administrator=405),
        kwargs=pk("item"),
    ),
    Row(
        "councils:item_move",
        MANAGE_POST,
        kwargs=pk("item"),
        method="post",
        data={"direction": "down"},
    ),
    Row("councils:statement", MANAGE, kwargs=pk("item")),
    Row(
        "councils:statement",
        MANAGE_POST,
        kwargs=pk("item"),
        method="post",
        data={"text": "Rådet anbefaler forslaget.", "given_on": "2026-01-10"},
    ),
    Row(
        "councils:response",
        expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=200),
        kwargs=pk("held_item"),
    ),
    Row(
        "councils:response",
        expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=302),
        kwargs=pk("held_item"),
        method="post",
        data=lambda world: {
            "outcome": "partly",
            "reasons": "Delvist.",
            "answered_on": world["statement"].given_on.isoformat(),
        },
    ),
    # Attachments: only ever through the permission-checked view
    Row("councils:attachment_create", MANAGE, kwargs=pk("item")),
    Row(
        "councils:attachment_create",
        MANAGE_POST,
        kwargs=pk("item"),
        method="post",
        data=attachment_data,
    ),
    Row(
        "councils:attachment_create",
        LOCKED,
        kwargs=pk("approved_item"),
        method="post",
        data=attachment_data,
        label="locked",
    ),
    Row(
        "councils:attachment_download",
        MEMBERS_ONLY_READ,
        kwargs=pk("approved_attachment"),
        label="approved",
    ),
    Row(
        "councils:attachment_delete",
        LOCKED,
        kwargs=pk("approved_attachment"),
        method="post",
        label="locked",
    ),
    Row("councils:attachment_download", MEMBERS_ONLY_READ, kwargs=pk("attachment")),
    Row(
        "councils:attachment_download",
        expect(404, anonymous=LOGIN, secretary=200, administrator=200),
        kwargs=pk("planned_attachment"),
        label="unpublished",
    ),
    Row(
        "councils:attachment_download",
        public(200),
        kwargs=pk("public_attachment"),
        label="public",
    ),
    Row("councils:attachment_delete", MANAGE, kwargs=pk("attachment")),
    Row("councils:attachment_delete", MANAGE_POST, kwargs=pk("attachment"), method="post"),
    # Comments: members (and secretaries) of the council only
    Row(
        "councils:comment_create",
        expect(404, anonymous=LOGIN, member=200, secretary=200, administrator=403),
        kwargs=pk("item"),
    ),
    Row(
        "councils:comment_create",
        expect(404, anonymous=LOGIN, member=302, secretary=302, administrator=403),
        kwargs=pk("item"),
        method="post",
        data={"text": "En kommentar"},
    ),
    Row(
        "councils:comment_create",
        expect(403, anonymous=LOGIN, outsider=200),
        kwargs=pk("public_item"),
        label="public",
    ),
    Row(
        "councils:comment_edit",
        expect(404, anonymous=LOGIN, member=200, secretary=403, administrator=403),
        kwargs=pk("comment"),
    ),
    Row(
        "councils:comment_edit",
        expect(404, anonymous=LOGIN, member=302, secretary=403, administrator=403),
        kwargs=pk("comment"),
        method="post",
        data={"text": "Rettet kommentar"},
    ),
    Row(
        "councils:comment_hide",
        expect(404, anonymous=LOGIN, member=403, secretary=200, administrator=200),
        kwargs=pk("comment"),
    ),
    Row(
        "councils:comment_hide",
        expect(404, anonymous=LOGIN, member=403, secretary=302, administrator=302),
        kwargs=pk("comment"),
        method="post",
        data={"reason": "Personfølsomme oplysninger"},
    ),
    Row(
        "councils:comment_hide",
        # Comments are never public, even on a public council's agenda.
        expect(404, anonymous=LOGIN, outsider=403, administrator=200),
        kwargs=pk("public_comment"),
        label="public",
    ),
    # A hidden comment's text: administrators only, in this one view.
    Row(
        "councils:comment_hidden_text",
        expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=200),
        kwargs=pk("hidden_comment"),
    ),
    Row(
        "councils:comment_hidden_text",
        expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=200),
        kwargs=pk("hidden_reply"),
        label="reply",
    ),
    Row(
        "councils:comment_hidden_text",
        # Nothing to reveal for a visible comment.
        expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=403),
        kwargs=pk("comment"),
        label="visible",
    ),
    Row(
        "councils:comment_hidden_text",
        expect(404, anonymous=LOGIN, member=403, secretary=403, administrator=405),
        kwargs=pk("hidden_comment"),
        method="post",
    ),
    # Calendar
    Row("councils:calendar", logged_in(200)),
    Row(
        "councils:calendar",
        # The member already has an address: replacing it asks for confirmation first.
        logged_in(302, member=200),
        method="post",
        data={"action": "create"},
    ),
    Row(
        "councils:member_feed",
        public(200),
        kwargs=lambda world: {"token": world["calendar_token"].token},
    ),
    Row(
        "councils:member_feed",
        public(404),
        kwargs={"token": "not-a-real-token"},
        label="revoked",
    ),
]


# The Django admin's pages of approved minutes: administrators read them, nobody changes or
# deletes them there (tests/councils/test_admin_*.py post the whole form).
ROWS += locked_admin_rows("councils_meeting", "approved_meeting", "approved")


# Old versions are shown in the admin, never restored from there (core.admin).
ROWS += [
    *admin_history_rows("councils_meeting", "approved_meeting"),
    *admin_history_rows("councils_membership", "membership"),
]
