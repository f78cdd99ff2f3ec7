"""The meeting page asks the rules once per kind of comment (councils.capabilities).

For every role and every state of a comment and of the meeting, the precomputed answers
must equal what ``has_perm`` says for that very comment or item, and the page must show
each viewer exactly the links the rules give them: nobody gets another member's edit link
or a hidden comment's text.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from councils.capabilities import COMMENT_PERMISSIONS, ITEM_PERMISSIONS, MeetingCapabilities
from councils.models import AgendaItem, Comment, ItemKind, MeetingStatus, SeatType
from councils.selectors import meeting_items
from tests.accounts.factories import AdministratorFactory, UserFactory
from tests.councils.factories import (
    AgendaItemFactory,
    CommentFactory,
    CouncilFactory,
    MeetingFactory,
    MembershipFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN_TEXT = "Skjult tekst med et borgernavn"
ROLES = ["owner", "other_member", "secretary", "administrator", "outsider", "public"]
# open: comments open; after_deadline: published, deadline passed; held; locked: minutes approved.
STATES = ["open", "after_deadline", "held", "locked"]


def _build(state):
    council = CouncilFactory()
    owner = MembershipFactory(council=council).user
    other = MembershipFactory(council=council).user
    secretary = MembershipFactory(council=council, seat_type=SeatType.SECRETARY).user
    users = {
        "owner": owner,
        "other_member": other,
        "secretary": secretary,
        "administrator": AdministratorFactory(),
        "outsider": MembershipFactory().user,
        "public": AnonymousUser(),
    }
    now = timezone.now()
    meeting = MeetingFactory(council=council)
    hearing = AgendaItemFactory(meeting=meeting, number=1, kind=ItemKind.HEARING)
    StatementFactory(item=hearing)
    AgendaItemFactory(meeting=meeting, number=2, kind=ItemKind.BUDGET)
    plain = AgendaItemFactory(meeting=meeting, number=3)
    old = now - timedelta(hours=2)
    comments = {
        "own_fresh": CommentFactory(item=hearing, author=owner, text="Min nye kommentar"),
        "own_old": CommentFactory(item=hearing, author=owner, text="Min gamle", created_at=old),
        "other_fresh": CommentFactory(item=plain, author=other, text="Den andens nye"),
        "other_old": CommentFactory(item=plain, author=other, text="Den andens", created_at=old),
        "own_hidden": CommentFactory(
            item=plain,
            author=owner,
            text=HIDDEN_TEXT,
            hidden_at=now,
            hidden_by=secretary,
            hidden_reason="Personoplysninger",
        ),
        "other_hidden_old": CommentFactory(
            item=hearing,
            author=other,
            text=HIDDEN_TEXT,
            created_at=old,
            hidden_at=now,
            hidden_by=secretary,
            hidden_reason="Personoplysninger",
        ),
    }
    comments["own_reply"] = CommentFactory(
        item=plain, author=owner, parent=comments["other_old"], text="Mit svar"
    )
    comments["reply_in_hidden"] = CommentFactory(
        item=hearing, author=other, parent=comments["other_hidden_old"], text="Svar i skjult"
    )
    if state == "after_deadline":
        meeting.comment_deadline = now - timedelta(minutes=1)
    elif state == "held":
        meeting.status = MeetingStatus.HELD
        meeting.starts_at = now - timedelta(days=1)
    elif state == "locked":
        meeting.status = MeetingStatus.MINUTES_APPROVED
        meeting.starts_at = now - timedelta(days=1)
        meeting.minutes = "Referat."
    meeting.save()
    return meeting, users, comments


def _page_items(meeting):
    """The items and comments as the page loads them (all of them, whatever the viewer)."""
    items = meeting_items(AgendaItem.objects.filter(meeting=meeting), with_comments=True)
    for item in items:
        item.meeting = meeting
    comments = [c for item in items for t in item.threads for c in [t, *t.reply_list]]
    return items, comments


@pytest.mark.parametrize("state", STATES)
def test_precomputed_answers_equal_the_rules_for_every_role_and_comment(state):
    meeting, users, _ = _build(state)
    for role, user in users.items():
        items, comments = _page_items(meeting)
        assert len(comments) == 8
        capabilities = MeetingCapabilities(user)
        for comment in comments:
            # The rules asked with the comment as stored (the page holds plain values).
            stored = Comment.objects.get(pk=comment.pk)
            expected = tuple(user.has_perm(p, stored) for p in COMMENT_PERMISSIONS)
            assert capabilities.comment(comment) == expected, (state, role, comment.shown_text)
        for item in items:
            expected = tuple(user.has_perm(p, item) for p in ITEM_PERMISSIONS)
            assert capabilities.item(item) == expected, (state, role, item.number)
        # Fewer questions than comments and items times permissions.
        assert capabilities.rule_calls < 3 * (len(comments) + len(items))


def test_the_answers_are_not_all_alike():
    """The equality above is not trivial: each right is given to someone and refused to someone."""
    meeting, users, comments = _build("open")
    _, loaded = _page_items(meeting)
    given = set()
    for user in users.values():
        capabilities = MeetingCapabilities(user)
        for comment in loaded:
            given.update(
                (name, answer)
                for name, answer in zip(COMMENT_PERMISSIONS, capabilities.comment(comment))
            )
    assert given == {(name, answer) for name in COMMENT_PERMISSIONS for answer in (True, False)}


def _links(body):
    """comment id → the kinds of links under that comment (not its replies'), from the page."""
    found = {}
    pattern = r'<li id="kommentar-(\d+)".*?<p class="d-flex flex-wrap gap-3 small mb-2">(.*?)</p>'
    for match in re.finditer(pattern, body, re.S):
        html = match.group(2)
        markers = {
            "edit": "Ret din kommentar",
            "hide": "Skjul kommentaren fra",
            "read_hidden": "Vis skjult tekst",
            "reply": "?svar=",
        }
        found[int(match.group(1))] = {kind for kind, text in markers.items() if text in html}
    return found


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_the_page_shows_each_viewer_exactly_the_rules_links(client, state, role):
    meeting, users, comments = _build(state)
    user = users[role]
    if role != "public":
        client.force_login(user)
    # A second viewer first, so that anything remembered between requests would show.
    other_client = type(client)()
    other_client.force_login(users["owner" if role != "owner" else "other_member"])
    other_client.get(meeting.get_absolute_url())
    other_client.get(meeting.get_absolute_url())

    response = client.get(meeting.get_absolute_url())
    if role in ("outsider", "public"):
        # Not their council's meeting: the page is not theirs to see at all.
        assert response.status_code in (302, 403, 404)
        return
    body = response.content.decode()
    assert HIDDEN_TEXT not in body
    shown = _links(body)
    assert set(shown) == {c.pk for c in comments.values()}
    items, loaded = _page_items(meeting)
    for comment in loaded:
        stored = Comment.objects.get(pk=comment.pk)
        edit, hide, read_hidden = (user.has_perm(p, stored) for p in COMMENT_PERMISSIONS)
        expected = set()
        if edit and meeting.comments_open():
            expected.add("edit")
        if hide:
            expected.add("hide")
        if read_hidden:
            expected.add("read_hidden")
        parent = comment if comment.parent_id is None else Comment.objects.get(pk=comment.parent_id)
        if (
            user.has_perm("councils.comment_agendaitem", comment.item)
            and meeting.comments_open()
            and not comment.is_hidden
            and not parent.is_hidden
        ):
            expected.add("reply")
        assert shown[comment.pk] == expected, (state, role, comment.shown_text)
    # Edit links only ever on the viewer's own comments.
    for pk, kinds in shown.items():
        if "edit" in kinds:
            assert Comment.objects.get(pk=pk).author_id == user.pk


def test_own_edit_link_and_badges(client):
    meeting, users, comments = _build("open")
    client.force_login(users["owner"])
    body = client.get(meeting.get_absolute_url()).content.decode()
    edit = reverse("councils:comment_edit", args=[comments["own_fresh"].pk])
    assert f'<a href="{edit}">Ret din kommentar</a>' in body
    assert reverse("councils:comment_edit", args=[comments["other_fresh"].pk]) not in body
    # First visit: the others' shown comments are new, the own ones are not.
    assert "3 nye kommentarer, siden du sidst åbnede mødet." in body
    assert body.count('<p class="mb-1"><span class="badge portal-badge-new">Ny</span>') == 3
    second = client.get(meeting.get_absolute_url()).content.decode()
    assert '<span class="badge portal-badge-new">Ny</span>' not in second


def test_threads_escape_what_members_wrote(client):
    council = CouncilFactory()
    author = MembershipFactory(
        council=council, user=UserFactory(full_name='<img src=x onerror="alert(1)">')
    ).user
    meeting = MeetingFactory(council=council)
    item = AgendaItemFactory(meeting=meeting)
    CommentFactory(item=item, author=author, text="<script>alert(2)</script>\nanden linje")
    CommentFactory(
        item=item,
        author=author,
        text="skjult",
        hidden_at=timezone.now(),
        hidden_reason="<b>grund</b>",
    )
    client.force_login(author)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert (
        "<script>alert(2)" not in body
        and "&lt;script&gt;alert(2)&lt;/script&gt;<br>anden linje" in body
    )
    assert '<img src=x onerror="alert(1)">' not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert "Begrundelse: &lt;b&gt;grund&lt;/b&gt;" in body


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_comment_times_read_as_everywhere_else(language):
    from django.utils import translation

    from core.dates import format_datetime
    from councils.templatetags.meeting_page import _Dates

    with translation.override(language):
        dates = _Dates()
        for days in (0, 1, 40, 200):
            value = timezone.localtime(timezone.now() - timedelta(days=days, minutes=days * 7))
            assert dates(value) == format_datetime(value)
            assert dates(value) == format_datetime(value)  # the remembered day too


def test_agenda_markdown_equals_the_markdown_filter():
    from core.markdown import render_markdown
    from councils.templatetags.meeting_page import agenda_markdown

    for text in ["", "**fed** og [link](https://example.org)", "<script>x</script>\n\n- a\n- b"]:
        assert agenda_markdown(text) == render_markdown(text)
        assert agenda_markdown(text) == render_markdown(text)
