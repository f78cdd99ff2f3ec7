"""Point 5: support to attend. Only the secretary and administrators see the requests; a
member sees only their own; the public never. The secretary is told (without the details)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessLog, Action
from outbox import services as outbox
from outbox.models import Message
from participation import services
from participation.models import SupportRequest
from privacy.export import collect
from privacy.pseudonymise import pseudonymise
from privacy.retention import apply_retention
from tests.participation.world import SUPPORT_MARKER

pytestmark = pytest.mark.django_db

SUPPORT = "participation.support_requested"


def _ask(client, board, **data):
    client.force_login(board.member)
    return client.post(
        reverse("participation:answer", args=[board.meeting.pk]),
        {"answer": "yes", "with_support": "1", **data},
    )


def test_asking_stores_the_request_and_tells_the_secretary_without_details(client, board):
    response = _ask(client, board, needs=["transport", "interpreter"], details="Tegnsprog, DTS")
    assert response.status_code == 302
    request = SupportRequest.objects.get()
    assert (request.transport, request.interpreter, request.helper) == (True, True, False)
    assert request.details == "Tegnsprog, DTS" and not request.is_handled
    (message,) = Message.objects.filter(kind=SUPPORT)
    assert message.recipient == board.secretary.email
    outbox.send_due()
    (sent,) = mail.outbox
    assert sent.to == [board.secretary.email]
    assert reverse("participation:support_list", args=[board.meeting.pk]) in sent.body
    body = sent.body + sent.alternatives[0][0]
    assert "Tegnsprog" not in body and "Ulla" not in body


def test_an_unchanged_request_is_not_sent_again_and_a_change_reopens_it(client, board):
    _ask(client, board, needs=["helper"])
    _ask(client, board, needs=["helper"])
    assert Message.objects.filter(kind=SUPPORT).count() == 1
    request = SupportRequest.objects.get()
    services.mark_support_handled(request=request, by=board.secretary)
    _ask(client, board, needs=["helper", "transport"])
    request.refresh_from_db()
    assert not request.is_handled and request.transport
    assert Message.objects.filter(kind=SUPPORT).count() == 2


def test_clearing_everything_removes_the_request(client, board):
    _ask(client, board, needs=["helper"])
    _ask(client, board, details="  ")
    assert not SupportRequest.objects.exists()


def test_the_member_sees_their_own_request_on_the_answer_page(client, board):
    _ask(client, board, needs=["accessibility"], details="Trinfri adgang")
    page = client.get(reverse("participation:answer", args=[board.meeting.pk])).content.decode()
    assert "Trinfri adgang" in page


def test_the_secretary_sees_the_list_and_marks_a_request_handled(client, board):
    _ask(client, board, needs=["transport"], details="Hentes på Østergade 4")
    client.force_login(board.secretary)
    url = reverse("participation:support_list", args=[board.meeting.pk])
    page = client.get(url).content.decode()
    assert "Hentes på Østergade 4" in page and "Ulla Bruger" in page and "Ikke ordnet" in page
    request = SupportRequest.objects.get()
    response = client.post(url, {"request": request.pk, "handled": "1"}, follow=True)
    assert "Ønsket fra Ulla Bruger er markeret som ordnet." in response.content.decode()
    request.refresh_from_db()
    assert request.is_handled and request.handled_by == board.secretary
    # A second click: an info message, nothing changes.
    response = client.post(url, {"request": request.pk, "handled": "1"}, follow=True)
    assert "er allerede ordnet" in response.content.decode()
    # The member sees that it is handled.
    client.force_login(board.member)
    page = client.get(board.meeting.get_absolute_url()).content.decode()
    assert "Dit ønske om støtte er ordnet." in page
    # Opening the list is logged (personal content).
    assert AccessLog.objects.filter(
        actor=board.secretary, action=Action.VIEW_SUPPORT_REQUESTS
    ).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 403), ("outsider", 404), ("caseworker", 404)],
)
def test_nobody_else_reads_the_list(client, world, role, status):
    user = world.user(role)
    if user:
        client.force_login(user)
    response = client.get(reverse("participation:support_list", args=[world["meeting"].pk]))
    assert response.status_code == status
    assert SUPPORT_MARKER not in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member", "outsider", "secretary", "caseworker"])
def test_no_page_a_member_or_the_public_reads_shows_another_members_request(client, world, role):
    user = world.user(role)
    if user:
        client.force_login(user)
    meeting = world["meeting"]
    urls = [
        meeting.get_absolute_url(),
        reverse("participation:answer", args=[meeting.pk]),
        reverse("councils:detail", args=[world["council"].pk]),
        "/",
    ]
    for url in urls:
        assert SUPPORT_MARKER not in client.get(url, follow=True).content.decode(), (role, url)


def test_administrators_and_the_secretary_read_it(client, world):
    for role in ("secretary", "administrator"):
        client.force_login(world.user(role))
        page = client.get(
            reverse("participation:support_list", args=[world["meeting"].pk])
        ).content.decode()
        assert SUPPORT_MARKER in page, role


def test_mine_data_holds_the_members_own_request_only(world):
    sections = {s["name"]: s for s in collect(world.users["member"])}
    rows = sections["participation.support_requests"]["rows"]
    assert [row["beskrivelse"] for row in rows] == ["Hentes hjemme."]
    assert SUPPORT_MARKER not in str(sections)


def test_pseudonymising_removes_the_persons_requests(world):
    pseudonymise(user=world["colleague"], actor=world.users["administrator"], reason="Ønske")
    assert list(SupportRequest.objects.values_list("pk", flat=True)) == [
        world["support_request"].pk
    ]


def test_retention_removes_requests_after_the_meeting(world, settings):
    meeting = world["meeting"]
    days = settings.PORTAL_RETENTION_SUPPORT_REQUEST_DAYS
    assert apply_retention()["participation.support_requests"] == 0
    meeting.starts_at = timezone.now() - timedelta(days=days + 1)
    meeting.save()
    counts = apply_retention(dry_run=True)
    assert counts["participation.support_requests"] == 2
    assert SupportRequest.objects.count() == 2
    apply_retention()
    assert not SupportRequest.objects.exists()


def test_retention_removes_answers_and_their_history_after_the_meeting(board, settings):
    from participation.models import AttendanceAnswer, MeetingReminder, SubstituteInvitation

    services.give_answer(meeting=board.meeting, membership=board.seat, answer="no", by=board.member)
    MeetingReminder.objects.create(meeting=board.meeting, user=board.member)
    assert apply_retention()["participation.answers"] == 0
    months = settings.PORTAL_RETENTION_ATTENDANCE_ANSWER_MONTHS
    board.meeting.starts_at = timezone.now() - timedelta(days=31 * months + 1)
    board.meeting.save()
    # One answer, two invitations, one reminder.
    assert apply_retention()["participation.answers"] == 4
    assert not AttendanceAnswer.objects.exists()
    assert not AttendanceAnswer.history.exists()
    assert not SubstituteInvitation.objects.exists()
    assert not MeetingReminder.objects.exists()
