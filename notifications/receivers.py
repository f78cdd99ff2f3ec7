"""Where the notifications hear about events: model saves of councils (no change to councils
needed) and councils' two signals (``agenda_publishing`` and ``meeting_changed``)."""

from django.db.models.signals import post_save

from councils.models import Comment, Meeting, MeetingStatus, Response
from councils.signals import agenda_mail_headers, agenda_publishing, meeting_changed
from notifications.kinds import Kind


def _comment_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from notifications.services import comment_posted

        comment_posted(instance)


def _response_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from notifications.services import response_recorded

        response_recorded(instance)


def _meeting_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # councils.services.save_minutes names these fields when (and only when) it approves.
    if (
        not created
        and not raw
        and update_fields
        and "minutes_approved_at" in update_fields
        and instance.status == MeetingStatus.MINUTES_APPROVED
    ):
        from notifications.services import minutes_approved

        minutes_approved(instance)


def _meeting_changed(sender, meeting, change, **kwargs):
    from notifications.services import meeting_changed as record

    record(meeting, change)


def _agenda_publishing(sender, meeting, users, fingerprint, **kwargs):
    from notifications.services import agenda_published

    return agenda_published(meeting=meeting, users=users, fingerprint=fingerprint)


def _agenda_mail_headers(sender, meeting, user, **kwargs):
    from notifications.mail import unsubscribe_headers

    return unsubscribe_headers(user.pk, Kind.AGENDA_PUBLISHED)


def connect():
    uid = "notifications"
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid=f"{uid}.comment")
    post_save.connect(_response_saved, sender=Response, dispatch_uid=f"{uid}.response")
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid=f"{uid}.meeting")
    meeting_changed.connect(_meeting_changed, dispatch_uid=f"{uid}.meeting_changed")
    agenda_publishing.connect(_agenda_publishing, dispatch_uid=f"{uid}.agenda")
    agenda_mail_headers.connect(_agenda_mail_headers, dispatch_uid=f"{uid}.agenda_headers")
