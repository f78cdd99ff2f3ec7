"""Comments are the members' own words: the Django admin neither writes nor rewrites them."""

import pytest
from django.urls import reverse

from councils.models import Comment

pytestmark = pytest.mark.django_db


def test_admin_cannot_rewrite_a_comment(client, administrator, world):
    comment = world["comment"]
    before = comment.text
    client.force_login(administrator)
    url = reverse("admin:councils_comment_change", args=[comment.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="text"' not in page.content.decode()
    client.post(url, {"text": "Omskrevet af en administrator", "item": comment.item_id})
    comment.refresh_from_db()
    assert comment.text == before


def test_admin_cannot_add_a_comment(client, administrator, world):
    client.force_login(administrator)
    count = Comment.objects.count()
    assert client.get(reverse("admin:councils_comment_add")).status_code == 403
    client.post(
        reverse("admin:councils_comment_add"),
        {"item": world["comment"].item_id, "author": administrator.pk, "text": "Indsat"},
    )
    assert Comment.objects.count() == count
