"""The meeting page's faster reads give what the ORM queries they replace gave.

Issue 13 point 7: the members' meeting page reads its agenda, attachments, attendance and the
viewer's answer with plain SELECTs and writes the items in one pass (councils/templatetags/
meeting_page.py). Each is checked here against the ORM query or template it replaced, for
the roles and states that change the answer.
"""

import datetime
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.defaultfilters import linebreaksbr
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.dates import format_datetime
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    MeetingStatus,
    MeetingVisit,
    Membership,
    SeatType,
    active_seats,
    mark_meeting_opened,
)
from councils.selectors import _attachments_of
from councils.templatetags.meeting_page import _Dates, _escape, _linebreaksbr
from councils.views.meetings import _attendance_rows
from participation.models import AttendanceAnswer, SupportRequest
from participation.selectors import answer_and_support, answering_seat
from tests.accounts.factories import AdministratorFactory
from tests.councils.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    CommentFactory,
    MeetingFactory,
    MembershipFactory,
    ResponseFactory,
    StatementFactory,
)
from tests.organisation.factories import RepresentedOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status", [MeetingStatus.PLANNED, MeetingStatus.PUBLISHED, MeetingStatus.MINUTES_APPROVED]
)
@pytest.mark.parametrize("public", [False, True])
def test_items_of_a_visible_meeting_equal_visible_to(status, public):
    meeting = MeetingFactory(status=status, council__meetings_public=public)
    AgendaItemFactory(meeting=meeting, number=1)
    AgendaItemFactory(meeting=meeting, number=2)
    AgendaItemFactory(meeting=MeetingFactory(council=meeting.council), number=1)  # another
    member = MembershipFactory(council=meeting.council).user
    secretary = MembershipFactory(council=meeting.council, seat_type=SeatType.SECRETARY).user
    outsider = MembershipFactory().user
    for user in (member, secretary, outsider, AdministratorFactory(), AnonymousUser()):
        from councils.models import Meeting

        if not Meeting.objects.visible_to(user).filter(pk=meeting.pk).exists():
            continue  # the page is a 404 before it reads any item
        expected = set(AgendaItem.objects.visible_to(user).filter(meeting=meeting))
        assert set(AgendaItem.objects.of_visible_meeting(meeting, user)) == expected, user


def test_attendance_rows_equal_the_orm_rows_in_order():
    meeting = MeetingFactory(status=MeetingStatus.HELD)
    organisation = RepresentedOrganisationFactory(name="Ældre <Sagen>", abbreviation="")
    with_abbreviation = RepresentedOrganisationFactory(name="Danske Handicap", abbreviation="DH")
    seats = [
        MembershipFactory(council=meeting.council, user__full_name="Åse Berg"),
        MembershipFactory(
            council=meeting.council,
            user__full_name="Anders And",
            seat_type=SeatType.RELATIVE,
            organisation=organisation,
        ),
        MembershipFactory(
            council=meeting.council,
            user__full_name="Bo Bech",
            seat_type=SeatType.RELATIVE,
            organisation=with_abbreviation,
        ),
        MembershipFactory(
            council=meeting.council, user__full_name="Carl", seat_type=SeatType.POLITICIAN
        ),
    ]
    statuses = [
        AttendanceStatus.PRESENT,
        AttendanceStatus.ABSENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.ABSENT,
    ]
    for seat, status in zip(seats, statuses):
        Attendance.objects.create(meeting=meeting, membership=seat, status=status)
    Attendance.objects.create(
        meeting=MeetingFactory(council=meeting.council),
        membership=seats[0],
        status=AttendanceStatus.PRESENT,
    )
    expected = [
        (a.membership.user.full_name, a.membership.public_label(), a.status, a.get_status_display())
        for a in Attendance.objects.filter(meeting=meeting)
        .select_related("membership__user", "membership__organisation")
        .order_by("membership__seat_type", "membership__user__full_name")
    ]
    got = [
        (row.full_name, row.public_label, row.status, row.status_display)
        for row in _attendance_rows(meeting)
    ]
    assert got == expected
    assert len(got) == 4
    assert "Pårørenderepræsentant, Ældre <Sagen>" in {row[1] for row in got}
    assert "Pårørenderepræsentant, DH" in {row[1] for row in got}


def test_attachments_equal_the_orm_query():
    first, second = AgendaItemFactory(), AgendaItemFactory()
    made = [AttachmentFactory(item=first), AttachmentFactory(item=second, title="")]
    AttachmentFactory()  # another item's
    expected = list(Attachment.objects.filter(item_id__in=[first.pk, second.pk]).order_by("pk"))
    got = list(_attachments_of([first.pk, second.pk]))
    assert [a.pk for a in got] == [a.pk for a in expected] == [a.pk for a in made]
    for mine, theirs in zip(got, expected):
        assert (mine.title, mine.filename, mine.size, mine.file.name, mine.uploaded_at) == (
            theirs.title,
            theirs.filename,
            theirs.size,
            theirs.file.name,
            theirs.uploaded_at,
        )
        assert isinstance(mine.uploaded_at, datetime.datetime)
        assert timezone.is_aware(mine.uploaded_at)


def test_the_visit_upsert_is_one_statement_and_keeps_one_row():
    meeting = MeetingFactory()
    user = MembershipFactory(council=meeting.council).user
    earlier = timezone.now() - timedelta(days=3)
    assert mark_meeting_opened(user, meeting, when=earlier) is None  # the first opening
    with CaptureQueriesContext(connection) as queries:
        previous = mark_meeting_opened(user, meeting)
    assert len(queries) == 1
    # The previous mark comes back as the ORM reads it: an aware datetime, on both backends.
    assert previous == earlier and timezone.is_aware(previous)
    visit = MeetingVisit.objects.get(user=user, meeting=meeting)
    assert visit.last_opened_at > earlier and visit.previous_opened_at == earlier
    assert mark_meeting_opened(user, meeting) == visit.last_opened_at
    assert MeetingVisit.objects.filter(user=user).count() == 1


def test_the_seat_answer_and_support_equal_the_orm_rows():
    meeting = MeetingFactory()
    seat = MembershipFactory(council=meeting.council)
    secretary = MembershipFactory(council=meeting.council, seat_type=SeatType.SECRETARY).user
    other = MembershipFactory(council=meeting.council)
    assert answer_and_support(meeting, seat) == (None, None)
    AttendanceAnswer.objects.create(meeting=meeting, membership=other, answer="no")
    answer = AttendanceAnswer.objects.create(
        meeting=meeting, membership=seat, answer="yes", answered_by=secretary
    )
    support = SupportRequest.objects.create(
        meeting=meeting, membership=seat, transport=True, details="Kørestol"
    )
    with CaptureQueriesContext(connection) as queries:
        got_both = answer_and_support(meeting, seat)
    assert len(queries) == 1
    for got, model, made in zip(
        got_both, (AttendanceAnswer, SupportRequest), (answer, support), strict=True
    ):
        stored = model.objects.get(pk=made.pk)
        assert got.pk == stored.pk
        for field in model._meta.concrete_fields:
            assert getattr(got, field.attname) == getattr(stored, field.attname), field.name
    got, _support = answer_and_support(meeting, seat)
    assert got._state.adding is False and got._state.db == "default"
    with CaptureQueriesContext(connection) as queries:
        assert got.entered_by_someone_else is True
    assert len(queries) == 0
    assert answering_seat(seat.user, meeting).membership == seat


ESCAPE_SAMPLES = [
    "",
    "Anne Hansen",
    "<script>alert('x')</script> & \"quotes\"",
    "Første linje\nanden linje\r\ntredje\rfjerde\n\nefter en tom linje",
    "ÆØÅ æøå – » « ' ` &amp; &lt;",
    42,
    mark_safe("<em>allerede sikker</em>\nny linje"),  # noqa: S308 - a test value
    gettext_lazy("Bilag"),
]


@pytest.mark.parametrize("value", ESCAPE_SAMPLES)
def test_the_pages_escaping_equals_djangos(value):
    assert _escape(value) == conditional_escape(value)
    if not isinstance(value, int):
        assert _linebreaksbr(value) == linebreaksbr(value, autoescape=True)


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_comment_times_equal_format_datetime(language):
    with translation.override(language):
        dates = _Dates()
        zone = timezone.get_current_timezone()
        for value in (
            datetime.datetime(2026, 10, 16, 14, 0, 5, tzinfo=zone),
            datetime.datetime(2026, 10, 16, 14, 0, 59, tzinfo=zone),
            datetime.datetime(2026, 10, 16, 9, 7, tzinfo=zone),
            datetime.datetime(2026, 10, 17, 0, 0, tzinfo=zone),
            datetime.datetime(2026, 3, 29, 23, 59, tzinfo=zone),
            datetime.datetime(2026, 10, 16, 12, 0, tzinfo=zone),
            # Every month's name, one- and two-digit days.
            *(
                datetime.datetime(2027, month, month * 2, 8, 30, tzinfo=zone)
                for month in range(1, 13)
            ),
        ):
            assert dates(value) == format_datetime(value), value
            assert dates(value) == format_datetime(value)  # remembered: the same text


def test_secretarys_item_controls_escaping_and_move_forms(client):
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)
    secretary = MembershipFactory(council=meeting.council, seat_type=SeatType.SECRETARY).user
    first = AgendaItemFactory(
        meeting=meeting,
        number=1,
        title="Titel <script>x</script>",
        recommendation="Linje 1\n<b>Linje 2</b>",
        decision="A & B",
    )
    AgendaItemFactory(meeting=meeting, number=2)
    last = AgendaItemFactory(meeting=meeting, number=3)
    AttachmentFactory(item=first, title="Bilag <i>1</i>")
    CommentFactory(item=last, text="Hej <b>rådet</b>")
    client.force_login(secretary)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<script>x</script>" not in html and "Titel &lt;script&gt;x&lt;/script&gt;" in html
    assert "Linje 1<br>&lt;b&gt;Linje 2&lt;/b&gt;" in html
    assert "A &amp; B" in html
    assert "Slet bilaget Bilag &lt;i&gt;1&lt;/i&gt;" in html
    assert "Hej &lt;b&gt;rådet&lt;/b&gt;" in html
    # Up on every item but the first, down on every item but the last, each with a token.
    assert html.count('value="up"') == 2 and html.count('value="down"') == 2
    assert "Flyt punkt 1 op" not in html and "Flyt punkt 3 ned" not in html
    assert html.count('name="csrfmiddlewaretoken"') >= 4
    assert f'href="/raad/punkt/{first.pk}/' in html or f"{first.pk}" in html


def test_translated_labels_are_written_as_the_template_wrote_them(client):
    """{% translate "…" %} does not escape the portal's own translation; neither does the tag."""
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)
    member = MembershipFactory(council=meeting.council).user
    statement = StatementFactory(item__meeting=meeting, item__number=1)
    ResponseFactory(statement=statement)
    client.force_login(member)
    client.cookies["django_language"] = "en"
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "The administration's answer" in html
    assert "administration&#x27;s" not in html


def test_the_viewers_seats_are_the_active_querysets_seats_in_one_query():
    today = timezone.localdate()
    user = MembershipFactory(start=today - timedelta(days=30)).user
    for start, end in (
        (today, None),  # starts today
        (today - timedelta(days=400), today),  # ends today: still active
        (today - timedelta(days=400), today - timedelta(days=1)),  # ended yesterday
        (today + timedelta(days=1), None),  # starts tomorrow
        (today - timedelta(days=10), today + timedelta(days=10)),
    ):
        MembershipFactory(user=user, start=start, end=end)
    MembershipFactory(start=today - timedelta(days=5))  # somebody else's seat
    fresh = type(user).objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        seats = active_seats(fresh)
        assert active_seats(fresh) is seats  # kept on the user object
    assert len(queries) == 1
    expected = list(Membership.objects.active().filter(user=user).order_by("pk"))
    assert [seat.pk for seat in seats] == [seat.pk for seat in expected] and len(seats) == 4
    for seat, stored in zip(seats, expected, strict=True):
        for field in Membership._meta.concrete_fields:
            assert getattr(seat, field.attname) == getattr(stored, field.attname), field.name
        assert seat.user is fresh


@pytest.mark.parametrize("offset", [-2, -1, 0, 1, 2])
def test_is_active_states_the_active_querysets_rule(offset):
    today = timezone.localdate()
    day = today + timedelta(days=offset)
    for start, end in (
        (today, None),
        (today, today),
        (today - timedelta(days=1), today + timedelta(days=1)),
        (today + timedelta(days=1), None),
        (today - timedelta(days=3), today - timedelta(days=1)),
    ):
        MembershipFactory(start=start, end=end)
    by_queryset = set(Membership.objects.active(on=day).values_list("pk", flat=True))
    by_method = {m.pk for m in Membership.objects.all() if m.is_active(day)}
    assert by_queryset == by_method
