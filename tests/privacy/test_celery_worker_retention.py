"""Run by scripts/test-celery-worker.sh (``pytest -m celery_worker tests``): the nightly
retention task, queued on Redis and run by a real worker against PostgreSQL."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from councils.models import Comment
from councils.personaldata import REMOVED_TEXT
from privacy.tasks import apply_retention_task
from tests.accounts.factories import UserFactory
from tests.councils.factories import CommentFactory

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_the_worker_applies_retention():
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "this test needs a real broker"
    years = settings.PORTAL_RETENTION_COMMENT_YEARS
    comment = CommentFactory(
        item__meeting__starts_at=timezone.now() - timedelta(days=366 * years + 2),
        author=UserFactory(),
        text="Gammel kommentar.",
    )
    apply_retention_task.delay()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if Comment.objects.get(pk=comment.pk).text == REMOVED_TEXT:
            break
        time.sleep(0.5)
    assert Comment.objects.get(pk=comment.pk).text == REMOVED_TEXT
