"""Point 3: "Mine data" gives a person everything the portal holds about them, and nobody
else's, as one ZIP with a readable summary, JSON and their own files."""

import io
import json
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from accounts.services import invite_user
from audit.models import AccessLog, Action
from privacy.models import PrivacyAction
from tests.councils.factories import AttachmentFactory

pytestmark = pytest.mark.django_db


def _zip(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def _download(client, user):
    client.force_login(user)
    return _zip(client.post(reverse("privacy:my_data_download")))


def test_the_zip_holds_the_persons_own_data_and_nobody_elses(client, world):
    member = world.users["member"]
    upload = AttachmentFactory(item=world["item"], uploaded_by=member, filename="mit.pdf")
    archive = _download(client, member)

    data = json.loads(archive.read("data.json"))
    kinds = {section["name"]: section for section in data["kategorier"]}
    everything = json.dumps(data, ensure_ascii=False)
    assert data["bruger_id"] == member.pk
    assert kinds["accounts.profile"]["rows"][0]["navn"] == "Mia Medlem"
    assert "Jeg støtter indstillingen." in everything  # her own comment
    assert "Godt forslag." not in everything  # the outsider's
    assert "Husk at tilmelde jer." not in everything  # the secretary's
    assert kinds["councils.memberships"]["rows"][0]["råd"] == "Brugerrådet for Rusenheden"
    assert "samtykke_til_offentligt_navn" in kinds["councils.memberships"]["rows"][0]
    assert [row["aktiv"] for row in kinds["councils.calendar"]["rows"]] == [True]
    assert "sidste_login" in kinds["accounts.profile"]["rows"][0]
    assert "audit.access_log" in kinds

    files = [name for name in archive.namelist() if name.startswith("filer/")]
    assert files == [f"filer/councils.attachments/1-{upload.file.name.rsplit('/', 1)[-1]}"]
    upload.file.open("rb")
    assert archive.read(files[0]) == upload.file.read()

    summary = archive.read("oversigt.html").decode()
    assert '<html lang="da">' in summary and "<h1>" in summary
    assert "Jeg støtter indstillingen." in summary and "Godt forslag." not in summary


def test_access_log_entries_about_the_person_as_actor_are_included(client, world):
    member = world.users["member"]
    client.force_login(member)
    client.get(world["meeting"].get_absolute_url())
    data = json.loads(_download(client, member).read("data.json"))
    log = next(s for s in data["kategorier"] if s["name"] == "audit.access_log")
    assert [row["handling"] for row in log["rows"]] == ["Åbnede lukket møde"]


def test_every_role_can_download_their_own(client, world):
    for role in ["member", "outsider", "secretary", "caseworker", "administrator"]:
        user = world.users[role]
        data = json.loads(_download(client, user).read("data.json"))
        assert data["bruger_id"] == user.pk


def test_the_page_is_in_the_user_menu_and_links_to_the_notice(client, world):
    client.force_login(world.users["member"])
    home = client.get(reverse("home")).content.decode()
    assert reverse("privacy:my_data") in home
    page = client.get(reverse("privacy:my_data")).content.decode()
    assert reverse("privacy:notice") in page
    assert reverse("privacy:my_data_download") in page


def test_an_administrator_produces_it_for_a_person_who_asks(client, world):
    member = world.users["member"]
    client.force_login(world.users["administrator"])
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "export_personal_data", "_selected_action": [member.pk]},
    )
    data = json.loads(_zip(response).read("data.json"))
    assert data["bruger_id"] == member.pk
    record = PrivacyAction.objects.get(action=PrivacyAction.Kind.EXPORT)
    assert record.target_user_id == member.pk and record.actor == world.users["administrator"]
    entry = AccessLog.objects.get(action=Action.EXPORT_PERSONAL_DATA)
    assert entry.object_id == str(member.pk)


def test_the_invitation_links_to_the_privacy_notice(world, django_capture_on_commit_callbacks):
    # The invitation goes through the outbox: it is sent once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        invite_user(user=world.users["member"])
    message = mail.outbox[-1]
    url = "http://testserver" + reverse("privacy:notice")
    assert url in message.body
    assert url in message.alternatives[0][0]
