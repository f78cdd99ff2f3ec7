"""What one viewer may do on one meeting page, asked of the rules once per request.

The meeting page lists every comment of a meeting (50–100 on a busy one) and showed, per
comment, whether the viewer may edit, hide or read its hidden text: three ``user.has_perm``
calls per comment, each through the authentication backends and the rules' predicate tree.
That was most of the page's Python time outside the templates.
"""

from django.utils import timezone

COMMENT_PERMISSIONS = (
    "councils.change_comment",
    "councils.hide_comment",
    "councils.view_hidden_comment_text",
)
ITEM_PERMISSIONS = (
    "councils.comment_agendaitem",
    "councils.record_statement",
    "councils.record_response",
)


class MeetingCapabilities:
    """The viewer's rights on one meeting's comments and agenda items, from the rules.

    There is no second rule set here: every answer is ``user.has_perm`` with the rule
    registered in ``councils/rules.py``, asked with a real comment or item of the page. It
    is only asked less often. On one meeting page every comment and item belongs to the same
    council and meeting, so the rules' answers depend on a comment only through

    - whether the viewer wrote it (``is_author``),
    - whether it is hidden (``is_visible_comment`` / ``is_hidden_comment``),
    - whether its edit window is still open (``in_edit_window``, at this request's time),

    and on an item only through ``takes_advice`` and ``has_statement``. (Council seats,
    administrator, secretary, published and locked agenda are the same for the whole page.)
    So the rules are asked once for the first comment (item) of each combination (at most
    eight for comments, four for items), and the answer is reused for the others of the same
    combination. ``tests/councils/test_meeting_capabilities.py`` checks, for every role and
    comment state, that the answers equal ``has_perm`` asked per comment; a predicate that
    looks at anything else of a comment or item must be added to ``comment_key`` /
    ``item_key`` (the test would fail until it is).

    Nothing is shared between requests or viewers: an instance lives for one request.

    The edit window is keyed at ``now`` (the start of the request) while the rule reads the
    clock when asked, a few milliseconds later. A comment whose window closes in between is
    keyed "open" but answered "no": its kind then gets no edit link on this one page, never
    an edit link too many (the clock only moves on, and the edit view asks the rule again).
    """

    def __init__(self, user, now=None):
        self.user = user
        self.user_pk = user.pk
        self.now = now or timezone.now()
        self._comments: dict[tuple, tuple[bool, bool, bool]] = {}
        self._items: dict[tuple, tuple[bool, bool, bool]] = {}
        self.rule_calls = 0

    def comment_key(self, comment) -> tuple:
        return (
            comment.author_id == self.user_pk,
            comment.is_hidden,
            comment.in_edit_window(self.now),
        )

    def item_key(self, item) -> tuple:
        return (item.takes_advice, getattr(item, "statement", None) is not None)

    def comment(self, comment) -> tuple[bool, bool, bool]:
        """(may edit, may hide, may read the hidden text) of a comment whose ``item`` (with
        its ``meeting``) is set."""
        key = self.comment_key(comment)
        answer = self._comments.get(key)
        if answer is None:
            # The rules take a Comment (the page's comments are plain values, see
            # councils.selectors.ThreadComment).
            asked = comment.as_comment() if hasattr(comment, "as_comment") else comment
            answer = self._comments[key] = self._ask(COMMENT_PERMISSIONS, asked)
        return answer

    def item(self, item) -> tuple[bool, bool, bool]:
        """(may comment, may record the statement, may record the response) of an item whose
        ``meeting`` is set."""
        key = self.item_key(item)
        answer = self._items.get(key)
        if answer is None:
            answer = self._items[key] = self._ask(ITEM_PERMISSIONS, item)
        return answer

    def _ask(self, permissions, obj):
        self.rule_calls += len(permissions)
        return tuple(self.user.has_perm(permission, obj) for permission in permissions)
