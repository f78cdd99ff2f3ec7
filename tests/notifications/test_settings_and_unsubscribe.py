"""The settings page (each user's own, login required) and the signed one-click unsubscribe."""

import re
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse

from notifications import tokens
from notifications.kinds import DEFAULTS, Frequency, Kind
from notifications.models import Notice, NotificationProfile, NotificationSetting
from notifications.preferences import current
from tests.councils.factories import CommentFactory
from tests.notifications.helpers import choose

pytestmark = pytest.mark.django_db

URL = reverse("notifications:settings")


def _form(**overrides):
    data = {kind.value: DEFAULTS[kind].value for kind in Kind}
    data["language"] = "da"
    data.update(overrides)
    return data


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    response = client.post(URL, _form())
    assert response.status_code == 302
    assert not NotificationSetting.objects.exists()


@pytest.mark.parametrize("role", ["member", "secretary", "caseworker", "administrator"])
def test_every_role_sees_and_saves_only_their_own(client, world, role):
    user, other = world.users[role], world.users["outsider"]
    client.force_login(user)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Nye kommentarer på punkter, du har kommenteret" in page.content.decode()
    # A user id in the posted data is ignored: the page has no way to name another user.
    response = client.post(
        URL, _form(new_comments="off", language="en", user=other.pk, user_id=other.pk)
    )
    assert response.status_code == 302
    assert current(user)[Kind.NEW_COMMENTS] == Frequency.OFF
    assert current(other)[Kind.NEW_COMMENTS] == DEFAULTS[Kind.NEW_COMMENTS]
    assert NotificationProfile.objects.get(user=user).language == "en"
    assert not NotificationSetting.objects.filter(user=other).exists()
    # Only choices that differ from the default are stored.
    assert list(NotificationSetting.objects.filter(user=user).values_list("kind", flat=True)) == [
        Kind.NEW_COMMENTS
    ]


def test_bad_input_keeps_the_rest_and_says_what_is_wrong(client, member):
    client.force_login(member)
    response = client.post(URL, _form(new_comments="hver time", response="off"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Marker en gyldig valgmulighed" in page
    # Nothing lost: the other choices come back as posted.
    (chosen,) = re.findall(r'<input type="radio"[^>]*name="response" value="off"[^>]*>', page)
    assert "checked" in chosen
    assert not NotificationSetting.objects.filter(user=member).exists()


def test_the_menu_links_to_the_settings(client, member):
    client.force_login(member)
    assert URL in client.get(reverse("home")).content.decode()


# --- tokens ---------------------------------------------------------------------------


def test_a_valid_token_reads_back(member):
    token = tokens.make_token(member.pk, Kind.NEW_COMMENTS)
    assert tokens.read_token(token) == (member.pk, Kind.NEW_COMMENTS)


def test_an_expired_token_is_refused(member, client, settings):
    token = tokens.make_token(member.pk, Kind.NEW_COMMENTS)
    later = signing.time.time() + settings.PORTAL_NOTIFICATIONS_UNSUBSCRIBE_DAYS * 86400 + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        with pytest.raises(tokens.ExpiredToken):
            tokens.read_token(token)
        response = client.post(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "udløbet" in response.content.decode()
    assert current(member)[Kind.NEW_COMMENTS] == DEFAULTS[Kind.NEW_COMMENTS]


def test_a_tampered_token_is_refused(member, client, outsider):
    token = tokens.make_token(member.pk, Kind.NEW_COMMENTS)
    value, rest = token.split(":", 1)
    forged = signing.dumps({"u": outsider.pk, "k": "new_comments"}, salt="other").split(":", 1)[0]
    for bad in (forged + ":" + rest, token[:-2] + "xx", "abc"):
        with pytest.raises(tokens.BadToken):
            tokens.read_token(bad)
        response = client.post(reverse("notifications:unsubscribe", args=[bad]))
        assert response.status_code == 400
    assert current(outsider)[Kind.NEW_COMMENTS] == DEFAULTS[Kind.NEW_COMMENTS]
    assert current(member)[Kind.NEW_COMMENTS] == DEFAULTS[Kind.NEW_COMMENTS]


def test_get_asks_and_one_click_post_unsubscribes_without_login(client, member, world):
    url = reverse("notifications:unsubscribe", args=[tokens.make_token(member.pk, "response")])
    page = client.get(url)
    assert page.status_code == 200
    assert "Ja, afmeld" in page.content.decode()
    assert current(member)[Kind.RESPONSE] == DEFAULTS[Kind.RESPONSE]  # a GET changes nothing
    # What a mail program sends (RFC 8058): no session, no CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert current(member)[Kind.RESPONSE] == Frequency.OFF
    assert current(member)[Kind.NEW_COMMENTS] == DEFAULTS[Kind.NEW_COMMENTS]


def test_the_digest_token_switches_off_what_the_digest_carries(small, client):
    choose(small.alice, Kind.AGENDA_PUBLISHED, Frequency.DIGEST)
    CommentFactory(item=small.item, author=small.alice)
    CommentFactory(item=small.item, author=small.bob)
    assert Notice.objects.filter(user=small.alice, digest__isnull=True).exists()
    url = reverse("notifications:unsubscribe", args=[tokens.make_token(small.alice.pk, "digest")])
    client.post(url)
    chosen = current(small.alice)
    assert chosen[Kind.AGENDA_PUBLISHED] == chosen[Kind.NEW_COMMENTS] == Frequency.OFF
    assert chosen[Kind.MEETING_CHANGED] == Frequency.IMMEDIATELY
    # What waited for the digest is not sent either.
    assert not Notice.objects.filter(user=small.alice, digest__isnull=True).exists()


def test_a_token_for_a_deactivated_user_does_nothing(client, member):
    token = tokens.make_token(member.pk, Kind.RESPONSE)
    member.is_active = False
    member.save()
    assert client.post(reverse("notifications:unsubscribe", args=[token])).status_code == 400


def test_councils_agenda_email_carries_a_working_one_click_unsubscribe(
    small, client, django_capture_on_commit_callbacks
):
    """The "agenda published" e-mail sent at once is councils' own; it too lets the member
    switch that kind off from the mail program, without logging in."""
    from councils import services as councils
    from councils.models import MeetingStatus
    from tests.notifications.helpers import sent_to

    small.meeting.status = MeetingStatus.PLANNED
    small.meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        councils.publish_agenda(meeting=small.meeting)
    (mail,) = sent_to(small.alice.email)
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<https?://[^/]+(/.+)>", mail.extra_headers["List-Unsubscribe"]).group(1)
    client.handler.enforce_csrf_checks = True
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert current(small.alice)[Kind.AGENDA_PUBLISHED] == Frequency.OFF
    assert current(small.bob)[Kind.AGENDA_PUBLISHED] == DEFAULTS[Kind.AGENDA_PUBLISHED]
