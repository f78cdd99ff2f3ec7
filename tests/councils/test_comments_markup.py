"""No markup in comments, judged on the text as stored; every page escapes what is stored."""

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import Comment

pytestmark = pytest.mark.django_db

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
# What must never reach a page unescaped.
EXECUTABLE = ("<img src=x", "<script>alert", "onerror=alert(1)>")


def _assert_inert(html):
    for fragment in EXECUTABLE:
        assert fragment not in html, f"unescaped {fragment!r} in the page"


@pytest.mark.parametrize(
    "text",
    [
        f"Se her {IMG}",
        "Se her &lt;img src=x onerror=alert(1)&gt;",
        "Se her &#60;img src=x onerror=alert(1)&#62;",
        f"Hej {SCRIPT}",
        "Hej &lt;script&gt;alert(1)&lt;/script&gt;",
    ],
    ids=["img", "encoded-img", "numeric-img", "script", "encoded-script"],
)
def test_markup_written_or_encoded_is_refused_and_not_stored(client, member, world, text):
    client.force_login(member)
    before = Comment.objects.count()
    response = client.post(
        reverse("councils:comment_create", args=[world["item"].pk]), {"text": text}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "må ikke indeholde HTML-kode eller script" in body
    assert Comment.objects.count() == before
    _assert_inert(body)


def test_double_encoded_text_is_stored_as_harmless_text_and_shown_escaped(client, member, world):
    client.force_login(member)
    text = "Pil &amp;lt;img src=x onerror=alert(1)&amp;gt; og a &amp;lt; b"
    response = client.post(
        reverse("councils:comment_create", args=[world["item"].pk]), {"text": text}
    )
    assert response.status_code == 302
    stored = Comment.objects.get(author=member, text__startswith="Pil")
    # Decoded once, as every comment is: the stored text has no tag in it.
    assert stored.text == "Pil &lt;img src=x onerror=alert(1)&gt; og a &lt; b"
    assert "<" not in stored.text
    page = client.get(reverse("councils:meeting_detail", args=[world["meeting"].pk]))
    body = page.content.decode()
    assert "Pil &amp;lt;img src=x onerror=alert(1)&amp;gt; og a &amp;lt; b" in body
    _assert_inert(body)


def test_plain_comparisons_are_kept(client, member, world):
    client.force_login(member)
    client.post(
        reverse("councils:comment_create", args=[world["item"].pk]), {"text": "3 < 5 og 5 > 3"}
    )
    assert Comment.objects.filter(text="3 < 5 og 5 > 3").exists()


def test_every_page_showing_a_stored_text_escapes_it(client, world, member, secretary):
    """Text stored before the rule (or by any other way in) is still shown as text."""
    raw = f"Gammel {IMG} {SCRIPT}"
    comment = Comment.objects.create(
        item=world["item"], author=member, text=raw, created_at=timezone.now()
    )
    meeting = reverse("councils:meeting_detail", args=[world["meeting"].pk])
    create = reverse("councils:comment_create", args=[world["item"].pk])
    pages = {
        member: [
            meeting,
            f"{create}?svar={comment.pk}",
            reverse("councils:comment_edit", args=[comment.pk]),
        ],
        secretary: [meeting, reverse("councils:comment_hide", args=[comment.pk])],
        world.user("administrator"): [
            meeting,
            reverse("admin:councils_comment_change", args=[comment.pk]),
            reverse("admin:councils_comment_changelist"),
        ],
    }
    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            assert "Gammel" in body or url.endswith("/comment/"), url
            _assert_inert(body)
    Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now(), hidden_reason="x")
    client.force_login(world.user("administrator"))
    hidden = client.get(reverse("councils:comment_hidden_text", args=[comment.pk]))
    assert "Gammel" in hidden.content.decode()
    _assert_inert(hidden.content.decode())
