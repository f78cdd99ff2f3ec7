"""Who may answer for a meeting, see who comes, and see and handle support requests.

Support requests are never public and never shown to other members: only the council's
secretary and administrators read them (besides the member, on their own answer form).
"""

import rules

from accounts.rules import is_administrator
from councils.models import UPCOMING_STATUSES
from councils.rules import is_secretary_of


@rules.predicate
def has_seat_at(user, meeting):
    """Holds a seat in the meeting's council, or is a substitute invited for this meeting."""
    from participation.selectors import answering_seat

    return meeting is not None and answering_seat(user, meeting) is not None


@rules.predicate
def can_be_cancelled(user, meeting):
    return meeting is not None and meeting.status in UPCOMING_STATUSES


can_manage = is_secretary_of | is_administrator

rules.add_perm("participation.answer_meeting", has_seat_at)
# The secretary's overview: expected attendance, quorum, answers and their history.
rules.add_perm("participation.manage_attendance", can_manage)
# Recording an answer a member gave on the phone.
rules.add_perm("participation.record_answer", can_manage)
rules.add_perm("participation.view_support_requests", can_manage)
rules.add_perm("participation.handle_support_request", can_manage)
rules.add_perm("participation.cancel_meeting", can_manage & can_be_cancelled)
