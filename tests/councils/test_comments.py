import re
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from councils.models import Comment

pytestmark = pytest.mark.django_db


def _create_url(item):
    return reverse("councils:comment_create", args=[item.pk])


def _post(client, item, text, **extra):
    return client.post(_create_url(item), {"text": text, **extra})


@pytest.fixture
def as_member(client, member):
    client.force_login(member)
    return client


def test_member_comments_and_sees_the_comment(as_member, world):
    response = _post(as_member, world["item"], "Husk aftenåbningen.")
    comment = Comment.objects.get(text="Husk aftenåbningen.")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    page = as_member.get(reverse("councils:meeting_detail", args=[world["meeting"].pk]))
    assert "Husk aftenåbningen." in page.content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Skriv en kommentar, før du sender den."),
        ("   \n  ", "Skriv en kommentar, før du sender den."),
        ("x" * 5001, "Kommentaren er for lang: 5001 tegn. Den må højst være 5000 tegn."),
        ("Hej <script>alert(1)</script>", "må ikke indeholde HTML-kode eller script"),
        ("<b>fed</b> tekst", "må ikke indeholde HTML-kode eller script"),
    ],
    ids=["empty", "blank", "5001-chars", "script", "html"],
)
def test_bad_comment_gets_a_danish_message_and_is_not_stored(as_member, world, text, message):
    before = Comment.objects.count()
    response = _post(as_member, world["item"], text)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Comment.objects.count() == before


def test_bad_comment_keeps_what_was_typed(as_member, world):
    response = _post(as_member, world["item"], "Lang tekst " + "x" * 5000)
    assert "Lang tekst xxx" in response.content.decode()


def test_5000_characters_is_allowed(as_member, world):
    _post(as_member, world["item"], "y" * 5000)
    assert Comment.objects.filter(text="y" * 5000).exists()


def test_text_is_stored_as_plain_text(as_member, world):
    _post(as_member, world["item"], "Fisk &amp; chips > pizza")
    assert Comment.objects.filter(text="Fisk & chips > pizza").exists()


def test_comment_after_deadline_is_refused_and_not_stored(as_member, world):
    item = world["past_item"]
    page = as_member.get(_create_url(item))
    body = page.content.decode()
    assert page.status_code == 200
    assert "<textarea" not in body
    assert "Fristen for kommentarer udløb" in body

    response = _post(as_member, item, "For sent, men vigtigt.")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Fristen for kommentarer udløb" in body
    assert "Din kommentar er ikke gemt" in body
    assert "For sent, men vigtigt." in body  # shown back so it can be copied, not stored
    assert not Comment.objects.filter(item=item).exists()


def test_deadline_passing_after_the_form_was_opened(as_member, world):
    meeting = world["meeting"]
    meeting.comment_deadline = timezone.now() - timedelta(minutes=1)
    meeting.save()
    response = _post(as_member, world["item"], "Lige for sent.")
    assert response.status_code == 403
    assert not Comment.objects.filter(text="Lige for sent.").exists()


def test_meeting_page_has_no_comment_link_after_deadline(as_member, world):
    body = as_member.get(
        reverse("councils:meeting_detail", args=[world["past_meeting"].pk])
    ).content.decode()
    assert _create_url(world["past_item"]) not in body
    assert "Fristen for kommentarer er udløbet." in body


def test_replies_are_one_level_deep(as_member, world):
    top = world["comment"]
    _post(as_member, world["item"], "Et svar.", svar=top.pk)
    reply = Comment.objects.get(text="Et svar.")
    assert reply.parent == top
    _post(as_member, world["item"], "Svar på svaret.", svar=reply.pk)
    assert Comment.objects.get(text="Svar på svaret.").parent == top


def test_reply_to_a_comment_on_another_item_is_refused(as_member, world):
    response = _post(as_member, world["item2"], "Forkert tråd.", svar=world["comment"].pk)
    assert response.status_code == 404
    assert not Comment.objects.filter(text="Forkert tråd.").exists()


def test_author_edits_within_15_minutes(as_member, world):
    comment = world["comment"]
    url = reverse("councils:comment_edit", args=[comment.pk])
    response = as_member.post(url, {"text": "Rettet tekst."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Rettet tekst."
    assert comment.edited_at is not None


def test_editing_after_15_minutes_is_refused(as_member, world):
    comment = world["comment"]
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    response = as_member.post(
        reverse("councils:comment_edit", args=[comment.pk]),
        {"text": "For sent rettet."},
        follow=True,
    )
    assert "15 minutter" in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "Jeg støtter indstillingen."


def test_edit_is_validated_like_a_new_comment(as_member, world):
    comment = world["comment"]
    response = as_member.post(
        reverse("councils:comment_edit", args=[comment.pk]), {"text": "<script>x</script>"}
    )
    assert "må ikke indeholde HTML-kode" in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "Jeg støtter indstillingen."


def test_secretary_hides_a_comment_with_a_reason(client, world, secretary, member):
    comment = world["comment"]
    client.force_login(secretary)
    url = reverse("councils:comment_hide", args=[comment.pk])
    empty = client.post(url, {"reason": ""})
    assert "Skriv hvorfor kommentaren skjules." in empty.content.decode()
    client.post(url, {"reason": "Oplysninger om en bestemt borger"})
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_by == secretary

    client.force_login(member)
    page = client.get(reverse("councils:meeting_detail", args=[world["meeting"].pk]))
    body = page.content.decode()
    assert "Kommentaren er skjult af sekretæren" in body
    assert "Oplysninger om en bestemt borger" in body
    assert "Jeg støtter indstillingen." not in body
    # The author can no longer change it, and nobody can reply to it.
    edit = client.post(reverse("councils:comment_edit", args=[comment.pk]), {"text": "Igen"})
    assert edit.status_code == 403
    refused = _post(client, world["item"], "Svar", svar=comment.pk)
    assert refused.status_code == 403
    assert "er skjult af sekretæren, så der kan ikke svares" in refused.content.decode()


def test_administrator_without_a_seat_cannot_comment(client, world, administrator):
    client.force_login(administrator)
    assert _post(client, world["item"], "Fra forvaltningen").status_code == 403
    assert not Comment.objects.filter(text="Fra forvaltningen").exists()


def test_textarea_has_no_maxlength_but_a_linked_counter(as_member, world):
    body = as_member.get(_create_url(world["item"])).content.decode()
    textarea = re.search(r"<textarea[^>]*>", body).group(0)
    # Browsers silently cut pasted text at maxlength; the counter warns instead.
    assert "maxlength" not in textarea
    described_by = re.search(r'aria-describedby="([^"]+)"', textarea).group(1).split()
    assert "id_text_counter" in described_by and "id_text_helptext" in described_by
    assert 'id="id_text_counter"' in body
    assert 'data-limit="5000"' in body
    assert 'aria-live="polite"' in body
    assert "councils/character-count.js" in body
    assert finders.find("councils/character-count.js")


def test_5001_characters_pasted_are_refused_not_cut(as_member, world):
    before = Comment.objects.count()
    text = "Indsat tekst. " + "z" * 4987  # 5,001 characters
    response = _post(as_member, world["item"], text)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kommentaren er for lang: 5001 tegn." in body
    assert text in body  # handed back whole, so nothing is lost
    assert Comment.objects.count() == before


def test_line_breaks_count_as_one_character(as_member, world):
    # Browsers send CRLF; the counter (and the member) count one character per line break.
    text = "abcd\r\n" * 900 + "slut"  # 5,404 characters sent, 4,504 typed
    response = _post(as_member, world["item"], text)
    assert response.status_code == 302
    stored = Comment.objects.get(text__endswith="slut")
    assert len(stored.text) == 4504
    assert "\r" not in stored.text


def test_editing_to_5001_characters_is_refused(as_member, world):
    comment = world["comment"]
    response = as_member.post(
        reverse("councils:comment_edit", args=[comment.pk]), {"text": "e" * 5001}
    )
    assert "Kommentaren er for lang: 5001 tegn." in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "Jeg støtter indstillingen."
