"""Anonymous visitors and members of another council never see a members-only agenda,
attachment, comment or member name (acceptance 1), however they ask."""

import pytest
from django.urls import reverse

from councils.models import AgendaItem, Attachment, Comment, Meeting

pytestmark = pytest.mark.django_db

SECRETS = [
    "Ordinært møde",
    "Høring om åbningstider",
    "Notat om åbningstider",
    "Jeg støtter indstillingen.",
]


def _pages(world):
    return [
        reverse("councils:list"),
        reverse("councils:detail", args=[world["council"].pk]),
        reverse("councils:meeting_detail", args=[world["meeting"].pk]),
        reverse("councils:council_feed", args=[world["council"].pk]),
        reverse("councils:meeting_detail", args=[world["public_meeting"].pk]),
        "/",
    ]


@pytest.mark.parametrize("role", ["anonymous", "outsider", "caseworker", "other_caseworker"])
def test_members_only_content_is_never_shown(client, world, role):
    user = world.user(role)
    if user:
        client.force_login(user)
    for url in _pages(world):
        body = client.get(url).content.decode()
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} leaked to {role} on {url}"
        # The unlisted members' names are not shown either.
        assert world.users["member"].full_name not in body
        assert world["colleague"].full_name not in body


@pytest.mark.parametrize("role", ["anonymous", "outsider", "caseworker"])
def test_direct_attachment_url_is_refused(client, world, role):
    user = world.user(role)
    if user:
        client.force_login(user)
    response = client.get(reverse("councils:attachment_download", args=[world["attachment"].pk]))
    assert response.status_code in (302, 404)
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_members_see_the_agenda_comments_and_names(client, world, member):
    client.force_login(member)
    body = client.get(reverse("councils:meeting_detail", args=[world["meeting"].pk])).content
    for secret in SECRETS:
        assert secret.encode() in body
    council_page = client.get(reverse("councils:detail", args=[world["council"].pk])).content
    assert world["colleague"].full_name.encode() in council_page


def test_member_downloads_attachment_with_its_original_name(client, world, member):
    client.force_login(member)
    response = client.get(reverse("councils:attachment_download", args=[world["attachment"].pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert 'filename="bilag.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_uploaded_files_are_not_served_from_media_url(client, world):
    name = world["attachment"].file.name
    assert client.get(f"/media/{name}").status_code == 404


def test_public_sees_consenting_members_name_only(client, world):
    membership = world["membership"]
    membership.listed_publicly = True
    membership.save()
    body = client.get(reverse("councils:detail", args=[world["council"].pk])).content.decode()
    assert world.users["member"].full_name in body
    assert world["colleague"].full_name not in body
    assert "Navnet vises ikke offentligt" in body
    # Seat types, organisations and counts are public.
    assert "Pårørenderepræsentant" in body
    assert world["organisation"].name in body


def test_unpublished_agenda_is_hidden_from_members(client, world, member, secretary):
    url = reverse("councils:meeting_detail", args=[world["planned_meeting"].pk])
    client.force_login(member)
    body = client.get(url).content.decode()
    assert "Udkast til budget" not in body
    assert "ikke offentliggjort" in body
    client.force_login(secretary)
    assert "Udkast til budget" in client.get(url).content.decode()


def test_visible_to_querysets(world):
    member, outsider = world.users["member"], world.users["outsider"]
    admin = world.users["administrator"]
    assert world["meeting"] in Meeting.objects.visible_to(member)
    assert world["meeting"] not in Meeting.objects.visible_to(outsider)
    assert world["public_meeting"] in Meeting.objects.visible_to(outsider)
    assert world["planned_item"] not in AgendaItem.objects.visible_to(member)
    assert world["planned_item"] in AgendaItem.objects.visible_to(world.users["secretary"])
    assert world["planned_attachment"] in Attachment.objects.visible_to(admin)
    # Comments on a public agenda are still only for that council's members.
    assert world["public_comment"] not in Comment.objects.visible_to(member)
    assert world["public_comment"] in Comment.objects.visible_to(outsider)
    assert world["comment"] in Comment.objects.visible_to(admin)


def test_anonymous_following_an_email_link_is_sent_to_login(client, world):
    url = reverse("councils:meeting_detail", args=[world["meeting"].pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]
    # A meeting that does not exist gets exactly the same answer.
    missing = client.get(reverse("councils:meeting_detail", args=[999999]))
    assert missing["Location"].startswith(reverse("account_login"))


def test_start_page_lists_a_members_next_meetings(client, world, member):
    client.force_login(member)
    body = client.get("/").content.decode()
    assert "Dine næste møder" in body
    assert "Ordinært møde" in body


@pytest.mark.parametrize("role", ["anonymous", "member", "caseworker", "administrator"])
def test_comments_on_a_public_agenda_stay_with_that_council(client, world, role):
    """A public agenda is public; its comments and the commenters' names are not."""
    user = world.user(role)
    if user:
        client.force_login(user)
    body = client.get(world["public_meeting"].get_absolute_url()).content.decode()
    assert world["public_item"].title in body  # the agenda itself is public…
    if role == "administrator":
        assert "Godt forslag." in body  # …the administration reads the comments…
    else:
        assert "Godt forslag." not in body  # …nobody outside the council does
        assert world.users["outsider"].full_name not in body


@pytest.mark.parametrize("role", ["anonymous", "outsider", "caseworker"])
def test_approved_minutes_and_their_attachment_stay_members_only(client, world, role):
    user = world.user(role)
    if user:
        client.force_login(user)
    page = client.get(world["approved_meeting"].get_absolute_url())
    assert page.status_code in (302, 404)
    assert "Godkendt referat." not in page.content.decode()
    download = client.get(
        reverse("councils:attachment_download", args=[world["approved_attachment"].pk])
    )
    assert download.status_code in (302, 404)
    assert b"%PDF" not in b"".join(getattr(download, "streaming_content", [download.content]))
