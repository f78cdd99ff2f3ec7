"""Approved minutes lock the agenda; the administration's answer still comes in later."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from councils import services
from councils.demo import minimal_pdf
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    MeetingStatus,
    Response,
    Statement,
)
from tests.councils.factories import AgendaItemFactory, AttachmentFactory

pytestmark = pytest.mark.django_db

LOCKED = "Referatet er godkendt, så dagsordenen er låst."
NOT_SAVED = "Din ændring er ikke gemt."


@pytest.fixture
def approved(world):
    """``held_meeting`` with approved minutes, two items, a bilag, a statement and attendance."""
    meeting = world["held_meeting"]
    item = world["held_item"]
    item.decision = "Rådet tog orienteringen til efterretning."
    item.save()
    second = AgendaItemFactory(meeting=meeting, number=2, title="Eventuelt")
    attachment = AttachmentFactory(item=item, title="Notat om bostøtte")
    attendance = Attendance.objects.create(
        meeting=meeting, membership=world["membership"], status=AttendanceStatus.PRESENT
    )
    meeting.minutes = "Referat."
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.minutes_approved_at = timezone.now()
    meeting.save()
    return {
        "meeting": meeting,
        "item": item,
        "second": second,
        "attachment": attachment,
        "attendance": attendance,
        "statement": world["statement"],
        "open": world["meeting"],
    }


@pytest.fixture(params=["secretary", "administrator"])
def manager(request, client, world):
    client.force_login(world.users[request.param])
    return client


def _snapshot(approved):
    meeting = approved["meeting"]
    return {
        "items": list(
            AgendaItem.objects.filter(meeting=meeting)
            .order_by("pk")
            .values_list("pk", "number", "title", "decision")
        ),
        "attachments": list(
            Attachment.objects.filter(item__meeting=meeting).values_list("pk", flat=True)
        ),
        "statement": Statement.objects.filter(pk=approved["statement"].pk).values_list(
            "text", flat=True
        )[0],
        "attendance": list(
            Attendance.objects.filter(meeting=meeting).values_list("membership_id", "status")
        ),
        "minutes": type(meeting).objects.filter(pk=meeting.pk).values_list("minutes", flat=True)[0],
    }


def _requests(approved, world):
    item, second = approved["item"], approved["second"]
    pdf = SimpleUploadedFile("nyt.pdf", minimal_pdf("Nyt"), content_type="application/pdf")
    return {
        "item_create": (
            reverse("councils:item_create", args=[approved["meeting"].pk]),
            {"title": "Sneget ind", "kind": "droeftelse"},
        ),
        "item_edit": (
            reverse("councils:item_edit", args=[item.pk]),
            {"title": "Ny titel", "kind": item.kind, "decision": "En anden beslutning."},
        ),
        "item_delete": (reverse("councils:item_delete", args=[second.pk]), {}),
        "item_move": (reverse("councils:item_move", args=[second.pk]), {"direction": "up"}),
        "attachment_create": (
            reverse("councils:attachment_create", args=[item.pk]),
            {"title": "Sent bilag", "file": pdf},
        ),
        "attachment_delete": (
            reverse("councils:attachment_delete", args=[approved["attachment"].pk]),
            {},
        ),
        "statement": (
            reverse("councils:statement", args=[item.pk]),
            {"text": "En omskrevet udtalelse.", "given_on": timezone.localdate().isoformat()},
        ),
        "meeting_attendance": (
            reverse("councils:meeting_attendance", args=[approved["meeting"].pk]),
            {f"m{world['membership'].pk}": AttendanceStatus.SENT_APOLOGIES},
        ),
        "meeting_minutes": (
            reverse("councils:meeting_minutes", args=[approved["meeting"].pk]),
            {"minutes": "Et omskrevet referat.", "approve": "1"},
        ),
    }


ACTIONS = [
    "item_create",
    "item_edit",
    "item_delete",
    "item_move",
    "attachment_create",
    "attachment_delete",
    "statement",
    "meeting_attendance",
    "meeting_minutes",
]


@pytest.mark.parametrize("action", ACTIONS)
def test_crafted_post_to_a_locked_agenda_is_refused(manager, approved, world, action):
    before = _snapshot(approved)
    url, data = _requests(approved, world)[action]
    response = manager.post(url, data)
    assert response.status_code == 403
    body = response.content.decode()
    assert LOCKED in body and NOT_SAVED in body
    assert _snapshot(approved) == before
    assert approved["attachment"].file.storage.exists(approved["attachment"].file.name)


@pytest.mark.parametrize(
    "action", ["item_create", "item_edit", "attachment_create", "statement", "meeting_minutes"]
)
def test_locked_forms_are_not_offered(manager, approved, world, action):
    url, _data = _requests(approved, world)[action]
    response = manager.get(url)
    assert response.status_code == 403
    body = response.content.decode()
    assert LOCKED in body and "<form" not in body.split("<main", 1)[1]


def test_lock_gives_others_no_hint(client, approved, member):
    # A member could never edit the agenda: the plain refusal, not the lock's explanation.
    client.force_login(member)
    response = client.post(reverse("councils:item_edit", args=[approved["item"].pk]), {})
    assert response.status_code == 403
    assert LOCKED not in response.content.decode()


def test_meeting_page_hides_the_edit_controls(manager, approved):
    body = manager.get(approved["meeting"].get_absolute_url()).content.decode()
    item, attachment = approved["item"], approved["attachment"]
    for url in [
        reverse("councils:item_edit", args=[item.pk]),
        reverse("councils:item_delete", args=[item.pk]),
        reverse("councils:item_move", args=[approved["second"].pk]),
        reverse("councils:attachment_create", args=[item.pk]),
        reverse("councils:attachment_delete", args=[attachment.pk]),
        reverse("councils:statement", args=[item.pk]),
        reverse("councils:meeting_attendance", args=[approved["meeting"].pk]),
        reverse("councils:item_create", args=[approved["meeting"].pk]),
        reverse("councils:meeting_minutes", args=[approved["meeting"].pk]),
    ]:
        assert url not in body, url
    assert "Dagsordenen er låst:" in body
    # The record itself is still shown.
    assert "Rådet tog orienteringen til efterretning." in body
    assert attachment.get_absolute_url() in body


def test_held_meeting_still_has_its_controls(client, secretary, world):
    client.force_login(secretary)
    body = client.get(world["held_meeting"].get_absolute_url()).content.decode()
    assert reverse("councils:item_edit", args=[world["held_item"].pk]) in body
    assert reverse("councils:statement", args=[world["held_item"].pk]) in body
    assert reverse("councils:meeting_attendance", args=[world["held_meeting"].pk]) in body
    assert "Dagsordenen er låst:" not in body


def test_administration_still_answers_after_approval(client, administrator, approved):
    client.force_login(administrator)
    item, statement = approved["item"], approved["statement"]
    url = reverse("councils:response", args=[item.pk])
    page = client.get(approved["meeting"].get_absolute_url()).content.decode()
    assert url in page
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "outcome": "partly",
            "reasons": "Delvist fulgt efter budgetforhandlingerne.",
            "answered_on": (statement.given_on + timedelta(days=40)).isoformat(),
        },
    )
    assert response.status_code == 302
    answer = Response.objects.get(statement=statement)
    assert answer.reasons == "Delvist fulgt efter budgetforhandlingerne."


@pytest.mark.parametrize(
    "write",
    [
        lambda a: services.add_item(
            item=AgendaItem(meeting=a["meeting"], title="x", kind="budget")
        ),
        lambda a: services.move_item(item=a["second"], direction="up"),
        lambda a: services.delete_item(item=a["second"]),
        lambda a: services.record_attendance(meeting=a["meeting"], statuses={}),
        lambda a: services.save_minutes(meeting=a["meeting"], minutes="Nyt.", approve=False),
    ],
    ids=["add", "move", "delete", "attendance", "minutes"],
)
def test_services_refuse_a_locked_agenda(approved, write):
    # The guard under the row lock catches an approval that lands between check and write.
    before = _snapshot(approved)
    with pytest.raises(services.AgendaLocked):
        write(approved)
    assert _snapshot(approved) == before


def test_admin_shows_a_locked_meetings_items_read_only(client, administrator, approved):
    client.force_login(administrator)
    meeting = approved["meeting"]
    body = client.get(reverse("admin:councils_meeting_change", args=[meeting.pk])).content.decode()
    assert "Eventuelt" in body
    assert 'name="items-0-title"' not in body

    # The same page for a meeting that is not locked does offer the fields.
    open_url = reverse("admin:councils_meeting_change", args=[approved["open"].pk])
    assert 'name="items-0-title"' in client.get(open_url).content.decode()


def test_admin_cannot_change_a_locked_statement(client, administrator, approved):
    client.force_login(administrator)
    statement = approved["statement"]
    url = reverse("admin:councils_statement_change", args=[statement.pk])
    data = {
        "item": approved["item"].pk,
        "text": "Omskrevet",
        "given_on": "2026-01-01",
        "recorded_by": administrator.pk,
    }
    assert client.post(url, data).status_code == 403
    statement.refresh_from_db()
    assert statement.text == "Rådet anbefaler forslaget."


def test_admin_cannot_add_a_statement_to_a_locked_agenda(client, administrator, approved):
    # The item has no statement yet: only the lock stands in the way.
    item = approved["second"]
    item.kind = "hoering"
    item.save()
    client.force_login(administrator)
    response = client.post(
        reverse("admin:councils_statement_add"),
        {
            "item": item.pk,
            "text": "Sent indført udtalelse",
            "given_on": "2026-01-01",
            "recorded_by": administrator.pk,
        },
    )
    assert response.status_code == 200
    assert "dagsordenen er låst" in response.content.decode()
    assert not Statement.objects.filter(item=item).exists()


def test_admin_can_still_add_a_statement_to_an_open_agenda(client, administrator, world):
    item = AgendaItemFactory(meeting=world["meeting"], number=9, kind="hoering")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:councils_statement_add"),
        {
            "item": item.pk,
            "text": "Rådet bakker op",
            "given_on": "2026-01-01",
            "recorded_by": administrator.pk,
        },
    )
    assert response.status_code == 302
    assert Statement.objects.get(item=item).text == "Rådet bakker op"
