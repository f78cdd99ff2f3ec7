"""Who may do what in a council. Visibility itself lives in the models' ``visible_to``.

Every predicate answers False for a missing object: the Django admin asks
model-level questions (obj=None), which AdministratorModelBackend answers.
"""

import rules
from django.utils import timezone

from accounts.rules import is_administrator
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Comment,
    Council,
    Meeting,
    Membership,
    Statement,
    member_council_ids,
    secretary_council_ids,
)


def meeting_of(obj):
    """The meeting an agenda object belongs to (meeting, item, attachment, statement,
    attendance), or None."""
    if isinstance(obj, Meeting):
        return obj
    if isinstance(obj, AgendaItem | Attendance):
        return obj.meeting
    if isinstance(obj, Attachment | Statement):
        return obj.item.meeting
    return None


def _council_id(obj):
    """The council an object belongs to (council, meeting, item, attachment, comment…)."""
    if isinstance(obj, Council):
        return obj.pk
    if isinstance(obj, Membership):
        return obj.council_id
    if isinstance(obj, Comment):
        return obj.item.meeting.council_id
    meeting = meeting_of(obj)
    return meeting.council_id if meeting is not None else None


@rules.predicate
def is_member_of(user, obj):
    """Holds any seat in the council today (the secretary's seat included)."""
    return _council_id(obj) in member_council_ids(user)


@rules.predicate
def is_secretary_of(user, obj):
    return _council_id(obj) in secretary_council_ids(user)


@rules.predicate
def is_own_membership(user, membership):
    return membership is not None and membership.user_id == user.pk and membership.is_active()


@rules.predicate
def is_author(user, comment):
    return comment is not None and comment.author_id == user.pk


@rules.predicate
def in_edit_window(user, comment):
    return comment is not None and comment.in_edit_window(timezone.now())


@rules.predicate
def is_visible_comment(user, comment):
    return comment is not None and not comment.is_hidden


@rules.predicate
def is_hidden_comment(user, comment):
    return comment is not None and comment.is_hidden


@rules.predicate
def agenda_is_published(user, obj):
    item = obj.item if isinstance(obj, Comment) else obj
    return item is not None and item.meeting.agenda_is_published


@rules.predicate
def agenda_is_open(user, obj):
    """False once the minutes are approved; the administration's response is not bound by it."""
    meeting = meeting_of(obj)
    return meeting is not None and not meeting.agenda_locked


@rules.predicate
def takes_advice(user, item):
    return item is not None and item.takes_advice


@rules.predicate
def has_statement(user, item):
    return getattr(item, "statement", None) is not None


@rules.predicate
def found_through_visible_to(user, obj):
    """For pages that only read: the view found the object through ``visible_to``, which
    is the whole rule for reading it (GuardedObjectMixin asks after that query)."""
    return obj is not None


can_manage = is_secretary_of | is_administrator
# Changes to the agenda and its record; refused once the minutes are approved.
can_edit_agenda = can_manage & agenda_is_open

# Model "view" permissions answer for objects the view has already found through
# visible_to; these say who may see the parts that are never public.
rules.add_perm("councils.view_council", found_through_visible_to)
rules.add_perm("councils.view_attachment", found_through_visible_to)
rules.add_perm("councils.view_member_names", is_member_of | is_administrator)
rules.add_perm("councils.view_comments", is_member_of | is_administrator)

rules.add_perm("councils.manage_meetings", can_manage)
rules.add_perm("councils.add_meeting", can_manage)
# The same rules answer the portal's views and the Django admin (core.admin).
rules.add_perm("councils.change_meeting", can_edit_agenda)
rules.add_perm("councils.delete_meeting", can_edit_agenda)
rules.add_perm("councils.publish_meeting", can_manage)
rules.add_perm("councils.add_agendaitem", can_edit_agenda)
rules.add_perm("councils.change_agendaitem", can_edit_agenda)
rules.add_perm("councils.delete_agendaitem", can_edit_agenda)
rules.add_perm("councils.add_attachment", can_edit_agenda)
rules.add_perm("councils.delete_attachment", can_edit_agenda)
rules.add_perm("councils.record_attendance", can_edit_agenda)
rules.add_perm("councils.add_attendance", can_edit_agenda)
rules.add_perm("councils.change_attendance", can_edit_agenda)
rules.add_perm("councils.delete_attendance", can_edit_agenda)
# Approved minutes are the record the council agreed on: they change no more.
rules.add_perm("councils.write_minutes", can_edit_agenda)

# Whether the deadline has passed is checked separately, to give a clear message.
rules.add_perm("councils.comment_agendaitem", is_member_of & agenda_is_published)
rules.add_perm(
    "councils.change_comment", is_author & is_member_of & is_visible_comment & in_edit_window
)
rules.add_perm("councils.hide_comment", (is_secretary_of | is_administrator) & is_visible_comment)
# A hidden comment's text is read by administrators only, and only in CommentHiddenTextView
# (one place, so that reading it can be logged there).
rules.add_perm("councils.view_hidden_comment_text", is_administrator & is_hidden_comment)

rules.add_perm("councils.record_statement", can_edit_agenda & takes_advice & agenda_is_published)
rules.add_perm("councils.change_statement", can_edit_agenda)
rules.add_perm("councils.delete_statement", can_edit_agenda)
rules.add_perm("councils.record_response", is_administrator & takes_advice & has_statement)

rules.add_perm("councils.set_listing_consent", is_own_membership)
