from django.contrib import messages
from django.db import connections, router, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from audit.access import access_logged
from audit.models import Action
from councils import services
from councils.capabilities import MeetingCapabilities
from councils.delivery import agenda_delivery
from councils.forms import AttendanceForm, MeetingForm, MinutesForm
from councils.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Council,
    Meeting,
    MeetingStatus,
    Membership,
    SeatType,
    mark_meeting_opened,
)
from councils.selectors import active_memberships, meeting_items
from councils.signals import meeting_changed
from councils.views.base import AgendaLockMixin, GuardedObjectMixin, VisibleObjectMixin


@method_decorator(
    access_logged(
        Action.VIEW_MEETING,
        Meeting,
        when=lambda request, response: not response.context_data["council"].meetings_public,
    ),
    name="dispatch",
)
class MeetingDetailView(VisibleObjectMixin, TemplateView):
    model = Meeting
    template_name = "councils/meeting_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("council")

    def get(self, request, *args, **kwargs):
        self.last_opened = None
        if request.user.is_authenticated:
            # The one write this GET makes: "last opened now", a single upsert once the
            # meeting is known to be visible, which returns the previous mark: the page
            # marks what is new since then.
            self.last_opened = mark_meeting_opened(request.user, self.object)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        meeting, user = self.object, self.request.user
        has = user.has_perm
        can_manage = has("councils.manage_meetings", meeting)
        with_comments = has("councils.view_comments", meeting)
        # The meeting was read through Meeting.objects.visible_to(user) (self.object).
        visible = AgendaItem.objects.of_visible_meeting(meeting, user)
        items = meeting_items(visible, with_comments=with_comments)
        last_opened = self.last_opened
        # The rules asked once per kind of comment and item, not per comment (see there).
        capabilities = MeetingCapabilities(user)
        new_count = 0
        user_pk = user.pk
        for item in items:
            item.meeting = meeting
            # Changed since the user last opened the meeting (never on a first visit).
            item.is_changed = bool(last_opened and item.updated_at > last_opened)
            item.can_comment, item.can_record_statement, item.can_record_response = (
                capabilities.item(item)
            )
            item.comment_count = 0
            for thread in getattr(item, "threads", []):
                item.comment_count += 1 + len(thread.reply_list)
                for comment in [thread, *thread.reply_list]:
                    comment.can_edit, comment.can_hide, comment.can_read_hidden = (
                        capabilities.comment(comment)
                    )
                    # As the start page counts: others' shown comments since the last visit.
                    comment.is_new = (
                        comment.author_id != user_pk
                        and not comment.is_hidden
                        and (last_opened is None or comment.created_at > last_opened)
                    )
                    new_count += comment.is_new
        attendances = _attendance_rows(meeting)
        return super().get_context_data(
            # Who got the agenda's e-mail: for the secretary and administrators only.
            delivery=agenda_delivery(meeting)
            if can_manage and meeting.agenda_is_published
            else None,
            meeting=meeting,
            council=meeting.council,
            items=items,
            new_comment_count=new_count,
            last_opened=last_opened,
            show_agenda=meeting.agenda_is_published or can_manage,
            with_comments=with_comments,
            comments_open=meeting.comments_open(),
            show_minutes=meeting.status == MeetingStatus.MINUTES_APPROVED
            or (can_manage and meeting.minutes),
            attendances=attendances,
            attendance_counts=_attendance_counts(attendances),
            statuses=MeetingStatus,
            **kwargs,
        )


class _AttendanceRow:
    """One line of the page's attendance list: what it shows, read as plain values."""

    __slots__ = ("full_name", "public_label", "status", "status_display")

    def __init__(self, full_name, public_label, status, status_display):
        self.full_name = full_name
        self.public_label = public_label
        self.status = status
        self.status_display = status_display


def _attendance_rows(meeting):
    """The meeting's attendance, one plain SELECT of the shown values (no model instances).

    The same rows and order as ``meeting.attendances.order_by("membership__seat_type",
    "membership__user__full_name")``; on every view of a meeting, so written out once
    instead of compiled by the ORM per request (a fifth of the CPU). ``public_label`` is
    ``Membership.public_label()``: the seat type, and the organisation's abbreviation (or
    name) when the seat has one.
    """
    connection = connections[router.db_for_read(Attendance)]
    quote = connection.ops.quote_name

    def table(model):
        return quote(model._meta.db_table)

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    organisation = Membership._meta.get_field("organisation").related_model
    user = Membership._meta.get_field("user").related_model
    # Table and column names from the models, quoted; the meeting's id a parameter.
    sql = (
        f"SELECT u.{column(user, 'full_name')}, m.{column(Membership, 'seat_type')}, "  # noqa: S608
        f"m.{column(Membership, 'organisation')}, o.{column(organisation, 'abbreviation')}, "
        f"o.{column(organisation, 'name')}, a.{column(Attendance, 'status')} "
        f"FROM {table(Attendance)} a "
        f"INNER JOIN {table(Membership)} m ON m.{quote(Membership._meta.pk.column)} "
        f"= a.{column(Attendance, 'membership')} "
        f"INNER JOIN {table(user)} u ON u.{quote(user._meta.pk.column)} "
        f"= m.{column(Membership, 'user')} "
        f"LEFT OUTER JOIN {table(organisation)} o ON o.{quote(organisation._meta.pk.column)} "
        f"= m.{column(Membership, 'organisation')} "
        f"WHERE a.{column(Attendance, 'meeting')} = %s "
        f"ORDER BY m.{column(Membership, 'seat_type')} ASC, u.{column(user, 'full_name')} ASC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [meeting.pk])
        rows = cursor.fetchall()
    # The labels translated once per page, not once per row.
    seat_labels = {value: str(label) for value, label in SeatType.choices}
    status_labels = {value: str(label) for value, label in AttendanceStatus.choices}
    result = []
    for full_name, seat_type, organisation_id, abbreviation, name, status in rows:
        label = seat_labels.get(seat_type, seat_type)
        if organisation_id:
            label = f"{label}, {abbreviation or name}"
        result.append(_AttendanceRow(full_name, label, status, status_labels.get(status, status)))
    return result


def _attendance_counts(attendances):
    counts = dict.fromkeys(AttendanceStatus.values, 0)
    for attendance in attendances:
        counts[attendance.status] += 1
    return [(label, counts[value]) for value, label in AttendanceStatus.choices if counts[value]]


class MeetingCreateView(GuardedObjectMixin, FormView):
    model = Council
    permission_required = "councils.add_meeting"
    template_name = "councils/meeting_form.html"
    form_class = MeetingForm

    def form_valid(self, form):
        form.instance.council = self.object
        meeting = form.save()
        messages.success(self.request, _("Mødet er oprettet. Tilføj nu punkterne til dagsordenen."))
        return redirect(meeting)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Meeting(council=self.object)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.object, meeting=None, **kwargs)


def _minute(value):
    # The form has minutes; a time stored with seconds is not moved by saving it unchanged.
    return value.replace(second=0, microsecond=0) if hasattr(value, "microsecond") else value


class MeetingEditView(AgendaLockMixin, GuardedObjectMixin, FormView):
    model = Meeting
    permission_required = "councils.change_meeting"
    template_name = "councils/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def form_valid(self, form):
        moved = any(
            _minute(form.initial.get(name)) != _minute(form.cleaned_data.get(name))
            for name in ("starts_at", "ends_at", "location")
        )
        meeting = form.save()
        if moved:
            # The members hear of it (notifications), once the change has committed.
            transaction.on_commit(
                lambda: meeting_changed.send(sender=Meeting, meeting=meeting, change="moved")
            )
        messages.success(self.request, _("Mødet er gemt."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.object.council, meeting=self.object, **kwargs)


class ConfirmView(GuardedObjectMixin, TemplateView):
    """A confirmation page (GET) and the action itself (POST)."""

    template_name = "councils/confirm.html"
    heading = ""
    button = ""

    def text(self):
        return ""

    def refusal(self):
        """A reason the action cannot be done now, or None."""
        return None

    def act(self):
        raise NotImplementedError

    def cancel_url(self):
        return self.object.get_absolute_url()

    def get(self, request, *args, **kwargs):
        reason = self.refusal()
        if reason:
            messages.error(request, reason)
            return redirect(self.cancel_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        reason = self.refusal()
        if reason:
            messages.error(request, reason)
            return redirect(self.cancel_url())
        return self.act()

    def seen_status(self):
        """The object's state as the confirmation page showed it; posted back, it tells a
        second click from a first."""
        return ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            seen_status=self.seen_status(),
            heading=self.heading,
            text=self.text(),
            button=self.button,
            cancel_url=self.cancel_url(),
            **kwargs,
        )


class PublishAgendaView(ConfirmView):
    model = Meeting
    permission_required = "councils.publish_meeting"

    @property
    def heading(self):
        if self.object.status == MeetingStatus.PUBLISHED:
            return _("Udsend den opdaterede dagsorden")
        return _("Offentliggør dagsordenen")

    button = property(lambda self: self.heading)

    def text(self):
        count = services.agenda_recipients(self.object).count()
        return _(
            "Dagsordenen bliver synlig for rådets medlemmer, og hvert af rådets %(count)d aktive "
            "medlemmer får besked med et link: en e-mail med det samme eller i den daglige "
            "oversigt, som hver især har valgt under Notifikationer. Medlemmer, der allerede har "
            "fået besked om netop denne udgave af dagsordenen, får ikke besked igen."
        ) % {"count": count}

    def refusal(self):
        meeting = self.object
        if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.PUBLISHED):
            return _("Mødet er afholdt; dagsordenen kan ikke offentliggøres igen.")
        if not meeting.items.exists():
            return _("Dagsordenen har ingen punkter endnu. Tilføj mindst ét punkt først.")
        return None

    def seen_status(self):
        return self.object.status

    def act(self):
        if not services.publish_agenda(
            meeting=self.object, seen_status=self.request.POST.get("seen_status", "")
        ):
            messages.info(
                self.request,
                _("Dagsordenen er allerede offentliggjort, og medlemmerne har fået besked."),
            )
            return redirect(self.object)
        messages.success(
            self.request,
            _("Dagsordenen er offentliggjort. Medlemmerne får besked pr. e-mail."),
        )
        return redirect(self.object)


class MarkHeldView(ConfirmView):
    model = Meeting
    permission_required = "councils.change_meeting"
    heading = property(lambda self: _("Markér mødet som afholdt"))
    button = property(lambda self: _("Markér som afholdt"))

    def text(self):
        return _(
            "Når mødet er afholdt, lukker kommentarerne, og du kan skrive referat, "
            "beslutninger og fremmøde."
        )

    def refusal(self):
        if self.object.status != MeetingStatus.PUBLISHED:
            return _("Kun et møde med offentliggjort dagsorden kan markeres som afholdt.")
        if self.object.starts_at > timezone.now():
            return _("Mødet er ikke begyndt endnu.")
        return None

    def act(self):
        services.mark_held(meeting=self.object)
        messages.success(self.request, _("Mødet er markeret som afholdt."))
        return redirect(self.object)


class MinutesView(AgendaLockMixin, GuardedObjectMixin, FormView):
    model = Meeting
    permission_required = "councils.write_minutes"
    template_name = "councils/minutes_form.html"
    form_class = MinutesForm

    def get(self, request, *args, **kwargs):
        if not self._has_been_held():
            return self._refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self._has_been_held():
            return self._refuse()
        return super().post(request, *args, **kwargs)

    def _has_been_held(self):
        return self.object.status == MeetingStatus.HELD

    def _refuse(self):
        messages.error(self.request, _("Referatet skrives, når mødet er markeret som afholdt."))
        return redirect(self.object)

    def _already_approved(self):
        messages.info(self.request, _("Referatet er allerede godkendt."))
        return redirect(self.object)

    def handle_no_permission(self):
        # A second click on "Godkend" finds the agenda locked by the first one.
        meeting, post = self.object, self.request.POST
        if (
            self.request.method == "POST"
            and self.request.user.has_perm("councils.manage_meetings", meeting)
            and services.already_approved(
                meeting, minutes=post.get("minutes", ""), approve="approve" in post
            )
        ):
            return self._already_approved()
        return super().handle_no_permission()

    def get_initial(self):
        return {"minutes": self.object.minutes}

    def form_valid(self, form):
        approve = "approve" in self.request.POST
        try:
            services.save_minutes(
                meeting=self.object, minutes=form.cleaned_data["minutes"], approve=approve
            )
        except services.AlreadyApproved:
            return self._already_approved()
        if approve:
            messages.success(self.request, _("Referatet er godkendt og kan nu læses."))
        else:
            messages.success(self.request, _("Referatet er gemt som kladde."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)


class AttendanceView(AgendaLockMixin, GuardedObjectMixin, FormView):
    model = Meeting
    permission_required = "councils.record_attendance"
    template_name = "councils/attendance_form.html"
    form_class = AttendanceForm

    def get_form_kwargs(self):
        meeting = self.object
        memberships = active_memberships(meeting.council)
        current = {a.membership_id: a.status for a in meeting.attendances.all()}
        # Someone whose seat has since ended still appears on a past meeting.
        known = {m.pk for m in memberships}
        earlier = [
            a.membership
            for a in meeting.attendances.select_related(
                "membership__user", "membership__organisation"
            )
            if a.membership_id not in known
        ]
        return {
            **super().get_form_kwargs(),
            "memberships": [*memberships, *earlier],
            "current": current,
        }

    def form_valid(self, form):
        services.record_attendance(meeting=self.object, statuses=form.statuses())
        messages.success(self.request, _("Fremmødet er gemt."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)
