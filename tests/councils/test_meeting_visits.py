"""The start page answers "what do I need to do?" and the meeting page marks what is new."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from councils.demo import minimal_pdf
from councils.models import Comment, MeetingVisit
from tests.councils.factories import AttachmentFactory, CommentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _meeting_url(meeting):
    return reverse("councils:meeting_detail", args=[meeting.pk])


def _home(client):
    return client.get(reverse("home")).content.decode()


def _panel(html):
    return html[html.index("councils-panel-heading") : html.index("</section>")]


def test_opening_a_meeting_writes_one_upsert_and_one_access_log_entry(client, world, member):
    client.force_login(member)
    meeting = world["meeting"]
    for _ in range(2):  # the first visit inserts, the second updates: one statement each time
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_meeting_url(meeting)).status_code == 200
        writes = [
            q["sql"]
            for q in ctx.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        # The only writes a GET may make: the "last opened" mark and the access-log entry.
        visits = [sql for sql in writes if "councils_meetingvisit" in sql]
        logged = [sql for sql in writes if "audit_accesslog" in sql]
        assert len(visits) == 1 and len(logged) == 1 and len(writes) == 2, writes
    assert MeetingVisit.objects.filter(user=member, meeting=meeting).count() == 1


def test_start_page_counts_comments_new_since_the_member_last_opened(
    client, world, member, secretary
):
    meeting = world["meeting"]
    client.force_login(member)
    client.get(_meeting_url(meeting))
    assert "Ingen nye" in _panel(_home(client))

    CommentFactory(item=world["item"], author=secretary, text="Ny kommentar fra sekretæren")
    CommentFactory(item=world["item"], author=member, text="Min egen tæller ikke")
    panel = _panel(_home(client))
    assert "1 ny, siden du sidst åbnede mødet" in panel

    page = client.get(_meeting_url(meeting)).content.decode()
    new = re.search(r'<span class="badge portal-badge-new">Ny</span>\s*<strong>([^<]+)', page)
    assert new and new.group(1) == secretary.full_name
    assert "Ingen nye" in _panel(_home(client))


def test_start_page_panel_lists_deadline_place_and_agenda_link_first(client, world, member):
    client.force_login(member)
    html = _home(client)
    meeting = world["meeting"]
    panel = _panel(html)
    assert "Frist for kommentarer" in panel
    assert f'href="{meeting.get_absolute_url()}"' in panel
    assert "<h2>Indhold</h2>" not in html
    # The first link in <main> is the next meeting.
    main = html[html.index('<main id="main"') :]
    first_link = re.search(r'<a [^>]*href="([^"]+)"', main).group(1)
    first_meeting = re.search(r'<h3 class="h5 mb-2"><a href="([^"]+)"', panel).group(1)
    assert first_link == first_meeting


def test_start_page_panel_is_one_query_whatever_the_number_of_meetings(client, world, member):
    client.force_login(member)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("home"))
        return len(ctx.captured_queries)

    before = count()
    for n in range(4):
        meeting = MeetingFactory(
            council=world["council"], starts_at=timezone.now() + timedelta(days=20 + n)
        )
        Comment.objects.create(
            item=world["item"], author=world.users["secretary"], text=f"Flere {n} {meeting.pk}"
        )
    assert count() == before


def test_item_heading_is_the_item_alone_and_subheadings_are_headings(client, world, member):
    client.force_login(member)
    page = client.get(_meeting_url(world["meeting"])).content.decode()
    item = world["item"]
    heading = re.search(rf'<h3 id="punkt-{item.pk}-titel">(.*?)</h3>', page, re.S).group(1)
    assert "badge" not in heading and heading.strip() == f"{item.number}. {item.title}"
    assert f"Type: {item.get_kind_display()}" in page
    assert '<h4 class="portal-subheading">' in page


def test_attachments_show_type_and_readable_size_and_pdfs_open_inline(client, world, secretary):
    client.force_login(secretary)
    pdf = AttachmentFactory(
        item=world["item"],
        file=SimpleUploadedFile("dagsorden.pdf", minimal_pdf("Dagsorden")),
        filename="dagsorden.pdf",
        size=643_210,
    )
    page = client.get(_meeting_url(world["meeting"])).content.decode()
    assert "(PDF, 643 kB)" in page
    response = client.get(pdf.get_absolute_url())
    assert response["Content-Disposition"].startswith("inline")
    png = AttachmentFactory(
        item=world["item"],
        file=SimpleUploadedFile("billede.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100),
        filename="billede.png",
        size=1_234_567,
    )
    assert "(PNG, 1,2 MB)" in client.get(_meeting_url(world["meeting"])).content.decode()
    assert client.get(png.get_absolute_url())["Content-Disposition"].startswith("attachment")


def test_meeting_page_and_start_page_count_the_same_new_comments(client, world, member):
    client.force_login(member)
    panel = _panel(_home(client))
    meeting = world["meeting"]
    block = panel[panel.index(f'href="{meeting.get_absolute_url()}"') :]
    counted = re.search(r"(\d+) nye?, siden", block[: block.index("</li>")])
    page = client.get(_meeting_url(meeting)).content.decode()
    marked = page.count('<span class="badge portal-badge-new">Ny</span> <strong>')
    assert counted and int(counted.group(1)) == marked


def test_start_page_counts_items_changed_since_the_member_last_opened(client, world, member):
    """ "Nyt siden sidst" covers changed items too, as the meeting page marks them."""
    meeting, item = world["meeting"], world["item"]
    client.force_login(member)
    client.get(_meeting_url(meeting))
    assert "ændret, siden du sidst åbnede mødet" not in _panel(_home(client))
    item.title = "Budget for næste år (rettet)"
    item.save()
    assert "1 punkt ændret, siden du sidst åbnede mødet" in _panel(_home(client))
    client.get(_meeting_url(meeting))
    assert "ændret, siden du sidst åbnede mødet" not in _panel(_home(client))


def test_start_page_panel_queries_do_not_grow_with_changed_items(client, world, member):
    client.force_login(member)
    client.get(_meeting_url(world["meeting"]))
    with CaptureQueriesContext(connection) as before:
        _home(client)
    for item in world["meeting"].items.all():
        item.save()
    with CaptureQueriesContext(connection) as after:
        _home(client)
    assert len(after.captured_queries) == len(before.captured_queries)
