"""Writes of goal updates go through policies.services: the update and its files together."""

from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from policies.models import GoalUpdate, GoalUpdateAttachment
from tests.policies.factories import PDF_BYTES

pytestmark = pytest.mark.django_db


def _stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_an_edit_whose_attachment_fails_keeps_the_old_text(client, world, caseworker, settings):
    update = world["update"]
    client.force_login(caseworker)
    before_files = _stored_files(settings)
    before = update.what_was_done
    records = update.history.count()
    data = {
        "date": update.date.isoformat(),
        "channel": update.channel,
        "participants": update.participants,
        "what_was_done": "Ny tekst, der ikke må blive gemt alene.",
        "what_changed": "",
        "attachments": [SimpleUploadedFile("a.pdf", PDF_BYTES, content_type="application/pdf")],
    }
    with (
        mock.patch.object(GoalUpdateAttachment, "save", side_effect=DatabaseError("disk full")),
        pytest.raises(DatabaseError),
    ):
        client.post(reverse("policies:update_edit", args=[update.pk]), data)
    assert GoalUpdate.objects.get(pk=update.pk).what_was_done == before
    assert _stored_files(settings) == before_files
    assert update.history.count() == records


def test_the_history_names_the_user_of_the_request(client, world, caseworker):
    """No view or service sets the history user: simple-history's middleware does."""
    update = world["update"]
    client.force_login(caseworker)
    data = {
        "date": update.date.isoformat(),
        "channel": update.channel,
        "participants": update.participants,
        "what_was_done": "Rettet af sagsbehandleren.",
        "what_changed": "",
    }
    response = client.post(reverse("policies:update_edit", args=[update.pk]), data)
    assert response.status_code == 302
    assert update.history.latest().history_user == caseworker
