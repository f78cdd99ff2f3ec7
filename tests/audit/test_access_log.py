"""Point 5: opening members-only content writes one access-log row; lists write none; the
log cannot be changed or deleted except by retention."""

import pytest
from django.urls import reverse

from audit.models import AccessLog, Action
from audit.retention import AccessLogIsAppendOnly, retention_deletion
from councils.models import Attachment, Comment, Meeting
from policies.models import GoalUpdateAttachment, UnitGoal
from reports.models import Rendition, ReportAttachment

pytestmark = pytest.mark.django_db


def _opened(world):
    """(role, url, action, model, object): every kind of access the log must record."""
    return [
        (
            "member",
            world["meeting"].get_absolute_url(),
            Action.VIEW_MEETING,
            Meeting,
            world["meeting"],
        ),
        (
            "member",
            reverse("councils:attachment_download", args=[world["attachment"].pk]),
            Action.DOWNLOAD,
            Attachment,
            world["attachment"],
        ),
        (
            "administrator",
            reverse("councils:comment_hidden_text", args=[world["hidden_comment"].pk]),
            Action.READ_HIDDEN,
            Comment,
            world["hidden_comment"],
        ),
        (
            "caseworker",
            reverse("policies:attachment_download", args=[world["goal_attachment"].pk]),
            Action.DOWNLOAD,
            GoalUpdateAttachment,
            world["goal_attachment"],
        ),
        (
            "administrator",
            reverse("reports:rendition_pdf", args=[world["draft_rendition"].pk]),
            Action.DOWNLOAD,
            Rendition,
            world["draft_rendition"],
        ),
        (
            "administrator",
            reverse("reports:attachment_file", args=[world["draft_report_attachment"].pk]),
            Action.DOWNLOAD,
            ReportAttachment,
            world["draft_report_attachment"],
        ),
        ("caseworker", reverse("policies:goal_export"), Action.EXPORT_CSV, UnitGoal, None),
        (
            "administrator",
            reverse("actionplans:plan_csv", args=[world["plan"].pk]),
            Action.EXPORT_CSV,
            type(world["plan"]),
            world["plan"],
        ),
    ]


def test_each_opening_writes_one_row(client, world):
    for role, url, action, model, obj in _opened(world):
        before = AccessLog.objects.count()
        client.force_login(world.users[role])
        response = client.get(url)
        assert response.status_code == 200, url
        assert AccessLog.objects.count() == before + 1, url
        entry = AccessLog.objects.order_by("-pk").first()
        assert entry.actor == world.users[role]
        assert entry.action == action
        assert entry.object_type == model._meta.label_lower
        assert entry.object_id == (str(obj.pk) if obj else "")
        # The short repr names the type and number, never a title or a person.
        if obj is not None:
            assert entry.object_repr == f"{model._meta.verbose_name} #{obj.pk}"


def test_lists_public_pages_and_refusals_write_nothing(client, world):
    client.force_login(world.users["member"])
    for url in [
        reverse("councils:list"),
        reverse("councils:detail", args=[world["council"].pk]),
        world["public_meeting"].get_absolute_url(),  # a public meeting: not members-only
        reverse("policies:goal_list"),
        reverse("actionplans:plan_list"),
        reverse("reports:archive"),
        reverse("home"),
    ]:
        assert client.get(url).status_code == 200, url
    client.force_login(world.users["outsider"])
    assert client.get(world["meeting"].get_absolute_url()).status_code == 404
    url = reverse("councils:attachment_download", args=[world["attachment"].pk])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(world["meeting"].get_absolute_url()).status_code == 302
    assert AccessLog.objects.count() == 0


def _entry(world):
    return AccessLog.objects.create(
        actor=world.users["member"],
        action=Action.VIEW_MEETING,
        object_type="councils.meeting",
        object_id=str(world["meeting"].pk),
        object_repr="møde #1",
    )


def test_the_application_cannot_change_or_delete_entries(world):
    entry = _entry(world)
    entry.object_repr = "ændret"
    with pytest.raises(AccessLogIsAppendOnly):
        entry.save()
    with pytest.raises(AccessLogIsAppendOnly):
        AccessLog.objects.filter(pk=entry.pk).update(object_repr="ændret")
    with pytest.raises(AccessLogIsAppendOnly):
        entry.delete()
    with pytest.raises(AccessLogIsAppendOnly):
        AccessLog.objects.all().delete()
    assert AccessLog.objects.get().object_repr == "møde #1"


def test_retention_may_delete(world):
    _entry(world)
    with retention_deletion():
        AccessLog.objects.all().delete()
    assert AccessLog.objects.count() == 0


def test_the_admin_list_is_read_only_and_filters_by_person_and_object(client, world):
    entry = _entry(world)
    client.force_login(world.users["administrator"])
    url = reverse("admin:audit_accesslog_changelist")
    response = client.get(url, {"actor__id__exact": world.users["member"].pk})
    assert response.status_code == 200 and "møde #1" in response.content.decode()
    response = client.get(url, {"q": entry.object_id})
    assert "møde #1" in response.content.decode()
    assert client.get(reverse("admin:audit_accesslog_add")).status_code == 403
    change = client.post(reverse("admin:audit_accesslog_change", args=[entry.pk]), {})
    assert change.status_code == 403
