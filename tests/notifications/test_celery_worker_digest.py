"""Run by scripts/test-celery-worker.sh: the real worker runs `notifications.send_digests`
and sends the digest through the outbox (file backend in $MEDIA_ROOT/mail)."""

import time

import pytest
from django.conf import settings

from notifications.mail import DIGEST_MAIL
from notifications.models import Digest
from notifications.tasks import send_digests
from outbox.models import Message, Status
from tests.councils.factories import CommentFactory
from tests.notifications.helpers import make_council
from tests.outbox.test_celery_worker_outbox import _mails_to

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_the_worker_sends_the_daily_digest_once():
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "this test needs a real broker"
    council = make_council("Brugerrådet for Arbejdet")
    council.alice.email = "oversigt-worker@test.example"
    council.alice.save()
    CommentFactory(item=council.item, author=council.alice, text="Første.")
    CommentFactory(item=council.item, author=council.bob, text="Svar fra Bo.")
    send_digests.delay()
    send_digests.delay()  # a second run the same day sends nobody a second digest
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sent = Message.objects.filter(kind=DIGEST_MAIL, status=Status.SENT)
        if sent.filter(recipient=council.alice.email).exists() and _mails_to(council.alice.email):
            break
        time.sleep(1)
    else:
        pytest.fail("the digest was not sent within 60 s")
    time.sleep(3)
    (mail,) = _mails_to(council.alice.email)
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in mail
    assert "Brugerrådet for Arbejdet" in mail or "Brugerr=C3=A5det for Arbejdet" in mail
    assert Digest.objects.filter(user=council.alice).count() == 1
