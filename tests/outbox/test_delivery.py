"""No e-mail is lost when the broker or the mail server falters (issue 12, point 1)."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from councils.models import AgendaNotification, MeetingStatus
from outbox import services as outbox
from outbox.models import Message, Status
from tests.accounts.factories import AdministratorFactory, UserFactory
from tests.outbox.backends import FailsForBackend, sent_to

pytestmark = pytest.mark.django_db

AGENDA = "councils.agenda_published"


def _members(world):
    return [world.users["member"], world.users["secretary"], world["colleague"]]


def _publish(client, meeting, capture):
    with capture(execute=True):
        return client.post(reverse("councils:meeting_publish", args=[meeting.pk]))


def _make_due():
    Message.objects.filter(status=Status.PENDING).update(due_at=timezone.now())


def test_publishing_with_the_broker_down_keeps_every_email(
    client, secretary, world, broker_down, django_capture_on_commit_callbacks, caplog
):
    meeting = world["planned_meeting"]
    client.force_login(secretary)
    with caplog.at_level(logging.WARNING, logger="outbox.services"):
        response = _publish(client, meeting, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    assert "beat schedule will send it" in caplog.text
    rows = Message.objects.filter(kind=AGENDA, status=Status.PENDING)
    assert sorted(row.recipient for row in rows) == sorted(u.email for u in _members(world))
    assert {row.payload["meeting"] for row in rows} == {meeting.pk}
    assert not mail.outbox

    # What beat runs a minute later, once the broker is back.
    assert outbox.send_due() == 3
    assert sent_to() == sorted(u.email for u in _members(world))
    assert set(
        AgendaNotification.objects.filter(meeting=meeting).values_list("user", flat=True)
    ) == {u.pk for u in _members(world)}
    assert not Message.objects.filter(status=Status.PENDING).exists()
    assert outbox.send_due() == 0
    assert len(mail.outbox) == 3


def test_a_second_publish_of_an_unchanged_agenda_enqueues_nothing_while_mails_wait(
    client, secretary, world, broker_down, django_capture_on_commit_callbacks
):
    meeting = world["planned_meeting"]
    client.force_login(secretary)
    _publish(client, meeting, django_capture_on_commit_callbacks)
    _publish(client, meeting, django_capture_on_commit_callbacks)
    assert Message.objects.filter(kind=AGENDA).count() == 3
    outbox.send_due()
    _publish(client, meeting, django_capture_on_commit_callbacks)
    assert Message.objects.filter(kind=AGENDA).count() == 3
    assert len(mail.outbox) == 3


def test_a_failing_mail_server_counts_attempts_and_the_secretary_sees_who_waits(
    client, secretary, world, settings
):
    meeting = world["meeting"]
    settings.EMAIL_BACKEND = "tests.outbox.backends.FailsForBackend"
    colleague = world["colleague"]
    FailsForBackend.FAILING = {colleague.email}
    with transaction.atomic():
        from councils.services import enqueue_agenda_mails

        enqueue_agenda_mails(meeting)
    try:
        assert outbox.send_due() == 2
        row = Message.objects.get(recipient=colleague.email)
        assert (row.status, row.attempts) == (Status.PENDING, 1)
        assert "SMTPServerDisconnected" in row.last_error
        assert row.due_at > timezone.now() + timedelta(seconds=30)
        assert outbox.send_due() == 0  # not due yet: backoff
        _make_due()
        outbox.send_due()
        row.refresh_from_db()
        assert (row.status, row.attempts) == (Status.PENDING, 2)
        assert not AgendaNotification.objects.filter(meeting=meeting, user=colleague).exists()

        client.force_login(secretary)
        page = client.get(meeting.get_absolute_url()).content.decode()
        assert "Dagsorden sendt til 2 af 3 medlemmer – 1 venter" in page
        assert colleague.full_name in page.split("Venter på at få e-mailen")[1]

        FailsForBackend.FAILING = set()
        _make_due()
        assert outbox.send_due() == 1
    finally:
        FailsForBackend.FAILING = set()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Dagsorden sendt til 3 af 3 medlemmer" in page
    assert "venter" not in page.split("Dagsorden sendt til")[1].split("</p>")[0]


def test_a_row_that_keeps_failing_is_given_up_and_shown(client, secretary, world, settings):
    settings.EMAIL_BACKEND = "tests.outbox.backends.BrokenBackend"
    settings.PORTAL_OUTBOX_MAX_ATTEMPTS = 3
    meeting = world["meeting"]
    with transaction.atomic():
        from councils.services import enqueue_agenda_mails

        enqueue_agenda_mails(meeting)
    for _ in range(5):
        _make_due()
        outbox.send_due()
    rows = Message.objects.filter(kind=AGENDA)
    assert {(row.status, row.attempts) for row in rows} == {(Status.FAILED, 3)}
    assert not Message.objects.due(timezone.now() + timedelta(days=1)).exists()
    client.force_login(secretary)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Dagsorden sendt til 0 af 3 medlemmer – 3 kunne ikke sendes" in page
    # Publishing again tries once more.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with transaction.atomic():
        enqueue_agenda_mails(meeting)
    assert outbox.send_due() == 3


@pytest.mark.parametrize("role", ["member", "caseworker", "outsider"])
def test_only_the_secretary_and_administrators_see_the_delivery(client, world, role):
    meeting = world["meeting"]
    with transaction.atomic():
        from councils.services import enqueue_agenda_mails

        enqueue_agenda_mails(meeting)
    for who, sees in [(role, False), ("secretary", True), ("administrator", True)]:
        client.force_login(world.users[who])
        response = client.get(meeting.get_absolute_url())
        body = response.content.decode() if response.status_code == 200 else ""
        assert ("Dagsorden sendt til" in body) is sees, who
        assert ("Venter på at få e-mailen" in body) is sees, who


def test_backoff_doubles_and_is_capped():
    assert [outbox.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert outbox.backoff(20) == timedelta(hours=1)


def test_the_row_rolls_back_with_the_change_it_reports(world):
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        from accounts.services import invite_user

        invite_user(user=user)
        raise RuntimeError
    assert not Message.objects.exists()


def test_an_unknown_kind_is_refused_when_enqueued(db):
    from outbox.registry import UnknownKind

    with pytest.raises(UnknownKind):
        outbox.enqueue(kind="nowhere.nothing", recipient="a@test.example", payload={})


def test_a_row_whose_object_is_gone_is_skipped_not_retried(world):
    meeting = world["meeting"]
    with transaction.atomic():
        from councils.services import enqueue_agenda_mails

        enqueue_agenda_mails(meeting)
    meeting.status = MeetingStatus.PLANNED
    meeting.save(update_fields=["status"])
    assert outbox.send_due() == 0
    assert set(Message.objects.values_list("status", flat=True)) == {Status.SKIPPED}
    assert not mail.outbox


# Every other e-mail the portal sends: invitations, e-mail-change notices, password reset.


def test_an_invitation_with_the_broker_down_is_sent_later(
    client, broker_down, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(AdministratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_add"),
            {"email": "ny@test.example", "full_name": "Nina Ny"},
        )
    assert response.status_code == 302
    row = Message.objects.get(kind="accounts.invitation")
    assert (row.recipient, row.status) == ("ny@test.example", Status.PENDING)
    assert not mail.outbox
    assert outbox.send_due() == 1
    assert mail.outbox[0].to == ["ny@test.example"]
    assert "/konto/password/reset/key/" in mail.outbox[0].body


def test_email_change_notices_with_the_broker_down_are_sent_later(
    client, broker_down, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(AdministratorFactory())
    user = UserFactory(email="gammel@test.example", full_name="Gitte Gammel")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_change", args=[user.pk]),
            {"email": "ny@test.example", "full_name": user.full_name, "is_active": "on"},
        )
    assert response.status_code == 302
    assert sorted(Message.objects.values_list("kind", "recipient")) == [
        ("accounts.email_changed_new", "ny@test.example"),
        ("accounts.email_changed_old", "gammel@test.example"),
    ]
    assert outbox.send_due() == 2
    assert sent_to() == ["gammel@test.example", "ny@test.example"]
    assert all("Kære Gitte Gammel" in message.body for message in mail.outbox)


def test_a_password_reset_with_the_broker_down_is_sent_later_with_a_working_link(
    client, broker_down, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    row = Message.objects.get(kind="accounts.password_reset")
    # No working link is stored while the e-mail waits.
    assert row.payload == {"user": user.pk}
    assert outbox.send_due() == 1
    link = next(
        line.strip() for line in mail.outbox[0].body.splitlines() if "/password/reset/key/" in line
    )
    response = client.get(link.replace("http://testserver", ""), follow=True)
    assert response.status_code == 200
    assert b'name="password1"' in response.content


def test_administrators_read_the_outbox_but_cannot_change_it(client, world, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    with transaction.atomic():
        from councils.services import enqueue_agenda_mails

        enqueue_agenda_mails(world["meeting"])
    row = Message.objects.first()
    client.force_login(world.users["administrator"])
    listing = client.get(reverse("admin:outbox_message_changelist"))
    assert listing.status_code == 200
    assert row.recipient in listing.content.decode()
    assert client.get(reverse("admin:outbox_message_add")).status_code == 403
    detail = client.get(reverse("admin:outbox_message_change", args=[row.pk]))
    assert detail.status_code == 200
    assert f'"meeting": {world["meeting"].pk}' not in detail.content.decode()
    client.post(reverse("admin:outbox_message_delete", args=[row.pk]), {"post": "yes"})
    assert Message.objects.filter(pk=row.pk).exists()
    for role in ("secretary", "member", "caseworker"):
        client.force_login(world.users[role])
        response = client.get(reverse("admin:outbox_message_changelist"))
        assert response.status_code in (302, 403), role


def test_finished_rows_are_forgotten_after_the_keep_period(world, settings):
    settings.PORTAL_OUTBOX_KEEP_DAYS = 30
    with transaction.atomic():
        from councils.services import enqueue_agenda_mails

        enqueue_agenda_mails(world["meeting"])
    outbox.send_due()
    waiting = outbox.enqueue(
        kind="accounts.invitation", recipient="x@test.example", payload={"user": 0}
    )
    Message.objects.filter(pk=waiting.pk).update(due_at=timezone.now() - timedelta(days=60))
    assert outbox.purge_sent(now=timezone.now() + timedelta(days=29)) == 0
    assert outbox.purge_sent(now=timezone.now() + timedelta(days=31)) == 3
    assert list(Message.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert AgendaNotification.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_row_another_worker_holds_is_skipped(world):
    """PostgreSQL: two workers never send the same row (select_for_update(skip_locked))."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    # Written directly: enqueue() would have them sent at its commit (eager Celery).
    for user in _members(world):
        Message.objects.create(
            kind=AGENDA,
            recipient=user.email,
            payload={"meeting": world["meeting"].pk, "user": user.pk},
        )
    held = Message.objects.order_by("pk").first()
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        with transaction.atomic():
            Message.objects.select_for_update().get(pk=held.pk)
            locked.set()
            release.wait(30)
        connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(30)
        assert outbox.send_due() == 2
        assert Message.objects.get(pk=held.pk).status == Status.PENDING
    finally:
        release.set()
        thread.join()
    assert outbox.send_due() == 1
    assert len(mail.outbox) == 3
