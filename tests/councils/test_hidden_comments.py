"""A hidden comment's text is shown nowhere but the administrators' "Vis skjult tekst" page."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from councils.models import Comment
from councils.selectors import ThreadComment
from tests.councils.world import HIDDEN_MARKER
from tests.permissions.matrix import all_rows
from tests.world import ROLES

pytestmark = pytest.mark.django_db

HIDDEN_TEXT_VIEW = "councils:comment_hidden_text"
GET_ROWS = [row for row in all_rows() if row.method == "get" and row.url_name != HIDDEN_TEXT_VIEW]


def _reply_urls(world):
    """The reply form for every comment of the hidden threads, and the pages around them."""
    create = reverse("councils:comment_create", args=[world["item2"].pk])
    urls = [
        f"{create}?svar={world[name].pk}"
        for name in ("hidden_comment", "reply_to_hidden", "hidden_reply", "visible_head")
    ]
    urls += [
        reverse("councils:comment_edit", args=[world["reply_to_hidden"].pk]),
        reverse("councils:comment_edit", args=[world["hidden_comment"].pk]),
        reverse("councils:comment_hide", args=[world["hidden_comment"].pk]),
        reverse("councils:comment_hide", args=[world["hidden_reply"].pk]),
    ]
    return urls


def _admin_urls(world):
    return [
        reverse("admin:councils_comment_changelist"),
        reverse("admin:councils_comment_change", args=[world["hidden_comment"].pk]),
        reverse("admin:councils_comment_change", args=[world["hidden_reply"].pk]),
        reverse("admin:councils_comment_history", args=[world["hidden_comment"].pk]),
        reverse("admin:councils_comment_delete", args=[world["hidden_comment"].pk]),
        reverse("admin:councils_meeting_change", args=[world["meeting"].pk]),
    ]


def test_no_page_any_role_can_open_shows_a_hidden_text(world, client):
    assert Comment.objects.filter(text__contains=HIDDEN_MARKER, hidden_at__isnull=False).count()
    leaks, visited = [], 0
    for role in ROLES:
        user = world.user(role)
        client.logout()
        if user is not None:
            client.force_login(user)
        urls = []
        for row in GET_ROWS:
            kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
            urls.append(reverse(row.url_name, kwargs=kwargs))
        urls += _reply_urls(world) + _admin_urls(world)
        for url in urls:
            with transaction.atomic():
                response = client.get(url, follow=True)
                body = b"".join(response) if response.streaming else response.content
                visited += 1
                if HIDDEN_MARKER.encode() in body:
                    leaks.append(f"{role}: {url}")
                transaction.set_rollback(True)
    assert visited > 100
    assert not leaks, "hidden text shown on: " + ", ".join(leaks)
    assert not [m for m in mail.outbox if HIDDEN_MARKER in m.body + str(m.alternatives)]


def test_the_meeting_page_never_loads_the_hidden_text(world, client, member):
    client.force_login(member)
    with pytest.MonkeyPatch.context() as patch:
        seen = []
        real_from_db = Comment.from_db.__func__

        def spy(cls, db, field_names, values):
            instance = real_from_db(cls, db, field_names, values)
            seen.append(instance.__dict__.get("text"))
            return instance

        # The page reads its comments as plain rows (councils.selectors.ThreadComment): every
        # value read for a comment is seen here too.
        real_init = ThreadComment.__init__

        def spy_row(self, row, item):
            seen.extend(value for value in row if isinstance(value, str))
            real_init(self, row, item)

        patch.setattr(Comment, "from_db", classmethod(spy))
        patch.setattr(ThreadComment, "__init__", spy_row)
        page = client.get(reverse("councils:meeting_detail", args=[world["meeting"].pk]))
    assert page.status_code == 200 and seen
    assert "Tak, vi tager den op." in seen  # the spy saw the shown texts
    assert not [text for text in seen if text and HIDDEN_MARKER in text]
    body = page.content.decode()
    assert "Tak, vi tager den op." in body and "Husk at tilmelde jer." in body
    assert body.count("Kommentaren er skjult af sekretæren") == 2


def test_an_administrator_reads_the_hidden_text_on_its_own_page(world, client, administrator):
    client.force_login(administrator)
    meeting = client.get(reverse("councils:meeting_detail", args=[world["meeting"].pk]))
    link = reverse(HIDDEN_TEXT_VIEW, args=[world["hidden_comment"].pk])
    assert f'href="{link}"' in meeting.content.decode()
    assert "Vis skjult tekst" in meeting.content.decode()
    page = client.get(link)
    assert page.status_code == 200
    body = page.content.decode()
    assert HIDDEN_MARKER in body and "Navn på en borger" in body


@pytest.mark.parametrize("role", ["member", "secretary"])
def test_members_get_no_link_to_the_hidden_text(world, client, role):
    client.force_login(world.user(role))
    page = client.get(reverse("councils:meeting_detail", args=[world["meeting"].pk]))
    assert "Vis skjult tekst" not in page.content.decode()
    assert (
        client.get(reverse(HIDDEN_TEXT_VIEW, args=[world["hidden_comment"].pk])).status_code == 403
    )


@pytest.mark.parametrize("target", ["hidden_comment", "reply_to_hidden", "hidden_reply"])
@pytest.mark.parametrize("role", ["member", "secretary"])
def test_no_reply_into_a_hidden_thread(world, client, role, target):
    client.force_login(world.user(role))
    url = reverse("councils:comment_create", args=[world["item2"].pk])
    form = client.get(url, {"svar": world[target].pk})
    body = form.content.decode()
    assert form.status_code == 200
    assert "er skjult af sekretæren, så der kan ikke svares" in body
    assert 'name="text"' not in body and HIDDEN_MARKER not in body

    before = Comment.objects.count()
    posted = client.post(url, {"text": "Mit svar", "svar": world[target].pk})
    assert posted.status_code == 403
    assert "Dit svar er ikke gemt." in posted.content.decode()
    assert "Mit svar" in posted.content.decode(), "what was typed is given back"
    assert Comment.objects.count() == before


def test_a_reply_in_a_visible_thread_still_works(world, client, member):
    client.force_login(member)
    url = reverse("councils:comment_create", args=[world["item"].pk])
    response = client.post(url, {"text": "Enig", "svar": world["comment"].pk})
    assert response.status_code == 302
    assert Comment.objects.get(text="Enig").parent == world["comment"]


def test_the_admin_blanks_a_hidden_text_and_cannot_change_it(world, client, administrator):
    client.force_login(administrator)
    comment = world["hidden_comment"]
    url = reverse("admin:councils_comment_change", args=[comment.pk])
    body = client.get(url).content.decode()
    assert "[skjult" in body and HIDDEN_MARKER not in body
    assert 'name="text"' not in body
    client.post(url, {"text": "Omskrevet", "shown_text": "Omskrevet", "item": comment.item_id})
    comment.refresh_from_db()
    assert HIDDEN_MARKER in comment.text
    visible = client.get(reverse("admin:councils_comment_change", args=[world["comment"].pk]))
    assert "Jeg støtter indstillingen." in visible.content.decode()
