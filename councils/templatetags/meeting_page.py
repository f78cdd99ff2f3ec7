"""The meeting page's agenda: item sections and comment threads, rendered in Python.

A busy meeting has ten items and 50–100 comments. Through the template engine each item and
comment cost a dozen tag and filter calls, translations, ``{% url %}`` and a date format,
which made them most of the page's time. ``{% agenda_items %}`` writes the same HTML (what
the ``{% for item in items %}`` loop of ``meeting_detail.html`` and ``councils/_comment.html``
wrote) in one pass, with the translated strings and the URL patterns looked up once per page.

Escaping: every value from the database goes through ``_escape`` (``conditional_escape``)
or ``_linebreaksbr`` (the ``linebreaksbr`` filter with autoescape); only the portal's own
translated strings and URLs are trusted, as a template trusts them.
"""

import html
import re
from functools import lru_cache

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.dates import MONTHS
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.dates import format_date
from core.files import file_label
from core.markdown import render_markdown

register = template.Library()

# core.dates.format_datetime's msgid, translated there (a variable, so that makemessages
# does not copy it into this app's catalogue).
_DATETIME = "%(date)s kl. %(time)s"


@register.filter
def agenda_markdown(text):
    """``|markdown`` for an agenda item's text or the minutes, remembered by the text itself.

    The HTML is a function of the text alone (Markdown, then nh3), so a viewer only ever gets
    the rendering of the very text the page is showing them: nothing passes between users.
    Per process, the 512 most recent texts.
    """
    return _markdown(text or "")


@lru_cache(maxsize=512)
def _markdown(text):
    return render_markdown(text)


def _escape(value):
    """``conditional_escape(value)``, as a str.

    Django's ``escape`` is wrapped by ``keep_lazy``, which inspects its arguments on every
    call; the page escapes some 300 values (names, texts, dates), and values read from the
    database are never lazy. Same characters escaped (``html.escape``, as Django's), same
    result: ``tests/councils/test_meeting_page.py`` compares both.
    """
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


_NEWLINES = re.compile(r"\r\n|\r")


def _linebreaksbr(value):
    """``linebreaksbr(value, autoescape=True)``: newlines normalised, escaped, then ``<br>``."""
    return _NEWLINES.sub("\n", _escape(value)).replace("\n", "<br>")


# Stands for a comment's or item's id in a URL reversed once per page.
_ID = 2147483647


def _trusted(text):
    """A translation of the portal's own msgid, output as ``{% translate "…" %}`` outputs it:
    a template's string literal is safe, and ``gettext`` keeps it safe, so it is not escaped
    (a translation may hold an apostrophe: "The administration's answer")."""
    return mark_safe(text)  # noqa: S308 - the portal's own catalogue, never user data


class _Urls:
    """URLs by id without a ``reverse`` per comment: reversed once with a stand-in id."""

    def __init__(self):
        self._patterns = {}

    def __call__(self, name, pk):
        pattern = self._patterns.get(name)
        if pattern is None:
            pattern = self._patterns[name] = reverse(name, args=[_ID]).replace(str(_ID), "{}")
        return pattern.format(pk)


class _Dates:
    """``core.dates.format_datetime`` of local times, escaped, the date part formatted once per
    day and the time once per minute of the day."""

    def __init__(self):
        self.pattern = gettext(_DATETIME)
        # What formats.time_format(value, "TIME_FORMAT") looks up on every call.
        self.time_format = get_format("TIME_FORMAT")
        self.date_format = get_format("DATE_FORMAT")
        self.months = {}
        self.days = {}
        self.times = {}
        # The time's text depends on the hour and minute only ("H:i", "P"), unless the
        # language's TIME_FORMAT shows seconds or less (or a timestamp): then on all of it.
        self.to_the_minute = not any(char in self.time_format for char in "suvUcrIOTeZ")
        self.texts = {}

    def __call__(self, value):
        day_key = value.date()
        time_key = (value.hour, value.minute) if self.to_the_minute else value
        text = self.texts.get((day_key, time_key))
        if text is None:
            day = self.days.get(day_key)
            if day is None:
                if self.date_format == "j. F Y":  # Danish and Norwegian: "16. oktober 2026"
                    month = self.months.get(value.month)
                    if month is None:
                        month = self.months[value.month] = str(MONTHS[value.month])
                    day = f"{value.day}. {month} {value.year}"
                else:
                    day = format_date(value)
                self.days[day_key] = day
            time = self.times.get(time_key)
            if time is None:
                if self.time_format == "H:i":  # Danish and Norwegian: 24-hour, two digits
                    time = f"{value.hour:02d}:{value.minute:02d}"
                else:
                    time = time_format(value, self.time_format)
                self.times[time_key] = time
            text = self.texts[(day_key, time_key)] = _escape(
                self.pattern % {"date": day, "time": time}
            )
        return text


class _Texts:
    """The comment's fixed texts in the request's language, translated once per page."""

    def __init__(self):
        # Trusted as {% translate "…" %} trusts them (a template's literal is safe).
        self.new = _trusted(gettext("Ny"))
        self.edited = _trusted(gettext("rettet"))
        self.edit = _trusted(gettext("Ret din kommentar"))
        self.show_hidden = _trusted(gettext("Vis skjult tekst"))
        # The same msgids as the template had ({% blocktranslate with name=… %}); as there,
        # the translation is trusted and the values put into it are escaped.
        self.reply = gettext("Svar %(name)s")
        self.hide = gettext("Skjul kommentaren fra %(name)s")
        self.hidden = gettext("Kommentaren er skjult af sekretæren. Begrundelse: %(reason)s")
        self.dates = _Dates()
        # timezone.localtime's lookup, once per page instead of once per comment.
        self.zone = timezone.get_current_timezone()


def _threads(out, item, texts, urls, comments_open):
    may_reply = bool(item.can_comment and comments_open)
    for thread in item.threads:
        _comment(out, thread, thread, item, texts, urls, comments_open, may_reply, is_reply=False)


def _comment(out, comment, reply_to, item, texts, urls, comments_open, may_reply, *, is_reply):
    name = _escape(comment.author_name)
    created = comment.created_at.astimezone(texts.zone)
    out.append(f'<li id="kommentar-{comment.pk}" class="comment border-start ps-3 mb-3">\n')
    out.append('  <p class="mb-1">')
    if comment.is_new:
        out.append(f'<span class="badge portal-badge-new">{texts.new}</span> ')
    out.append(
        f"<strong>{name}</strong>\n"
        # The date filter's "c" is isoformat().
        f'    <span class="text-secondary">· <time datetime="{created.isoformat()}">'
        f"{texts.dates(created)}</time>"
    )
    if comment.edited_at:
        out.append(f" · {texts.edited}")
    out.append("</span></p>\n")
    if comment.is_hidden:
        reason = _escape(comment.hidden_reason)
        out.append(f'  <p class="fst-italic mb-1">{texts.hidden % {"reason": reason}}</p>\n')
    else:
        # shown_text (councils.selectors.shown_comments): the hidden text is never loaded.
        out.append(f'  <p class="mb-1 comment-text">{_linebreaksbr(comment.shown_text)}</p>\n')
    out.append('  <p class="d-flex flex-wrap gap-3 small mb-2">')
    if may_reply and not comment.is_hidden and not reply_to.is_hidden:
        href = urls("councils:comment_create", item.pk) + f"?svar={reply_to.pk}"
        out.append(f'<a href="{href}">{texts.reply % {"name": name}}</a>')
    if comment.can_edit and comments_open:
        out.append(f'<a href="{urls("councils:comment_edit", comment.pk)}">{texts.edit}</a>')
    if comment.can_read_hidden:
        href = urls("councils:comment_hidden_text", comment.pk)
        out.append(f'<a href="{href}">{texts.show_hidden}</a>')
    if comment.can_hide:
        href = urls("councils:comment_hide", comment.pk)
        out.append(f'<a href="{href}">{texts.hide % {"name": name}}</a>')
    out.append("</p>\n")
    if not is_reply and comment.reply_list:
        out.append('  <ol class="list-unstyled ms-3">\n')
        for reply in comment.reply_list:
            _comment(
                out, reply, comment, item, texts, urls, comments_open, may_reply, is_reply=True
            )
        out.append("  </ol>\n")
    out.append("</li>\n")


class _ItemTexts:
    """The agenda item's fixed texts in the request's language, translated once per page.

    The msgids are the ones the template's ``{% translate %}``/``{% blocktranslate %}`` had.
    Plain texts are trusted as ``{% translate "…" %}`` trusts them (the portal's own catalogue,
    not data); in the ``%(name)s`` texts, as
    in ``{% blocktranslate %}``, the translation is trusted and the values are escaped.
    """

    def __init__(self):
        self.changed = _trusted(gettext("Ændret siden dit sidste besøg"))
        self.recommendation = _trusted(gettext("Indstilling"))
        self.decision = _trusted(gettext("Beslutning"))
        self.attachments = _trusted(gettext("Bilag"))
        self.response = _trusted(gettext("Forvaltningens svar"))
        self.edit_statement = _trusted(gettext("Ret rådets udtalelse"))
        self.write_statement = _trusted(gettext("Skriv rådets udtalelse"))
        self.edit_response = _trusted(gettext("Ret forvaltningens svar"))
        self.write_response = _trusted(gettext("Skriv forvaltningens svar"))
        self.deadline_passed = _trusted(gettext("Fristen for kommentarer er udløbet."))
        self.kind = gettext("Type: %(kind)s")
        self.edit_item = gettext("Rediger punkt %(number)s")
        self.attach = gettext("Vedhæft bilag til punkt %(number)s")
        self.move_up = gettext("Flyt punkt %(number)s op")
        self.move_down = gettext("Flyt punkt %(number)s ned")
        self.delete_item = gettext("Slet punkt %(number)s")
        self.delete_attachment = gettext("Slet bilaget %(name)s")
        self.statement = gettext("Rådets udtalelse (%(date)s)")
        self.comment = gettext("Kommentér punkt %(number)s")
        self.kinds = {}
        self.outcomes = {}

    def comments(self, count):
        return ngettext("%(counter)s kommentar", "%(counter)s kommentarer", count) % {
            "counter": count
        }


def _page(context):
    """The per-render helpers, shared by every item of one page (never across requests)."""
    page = context.render_context.get("meeting_page_comments")
    if page is None:
        page = context.render_context["meeting_page_comments"] = (_Texts(), _Urls())
    return page


@register.simple_tag(takes_context=True)
def agenda_items(context):
    """The agenda: ``items`` as the ``<ol>`` of item sections, in one pass.

    Writes what the template's ``{% for item in items %}`` loop wrote. Reads what the view put
    in the context (``items`` with ``is_changed``, ``can_comment``, ``can_record_statement``,
    ``can_record_response``, ``comment_count``, ``threads``, ``attachment_list``;
    ``with_comments``, ``comments_open``, ``meeting``) and what the template asked with
    ``{% has_perm "councils.add_agendaitem" user meeting as can_edit_agenda %}``.
    """
    texts, urls = _page(context)
    itexts = context.render_context.get("meeting_page_items")
    if itexts is None:
        itexts = context.render_context["meeting_page_items"] = _ItemTexts()
    items = list(context.get("items") or ())
    can_edit_agenda = bool(context.get("can_edit_agenda"))
    meeting = context.get("meeting")
    show_comments = bool(context.get("with_comments") and meeting and meeting.agenda_is_published)
    comments_open = bool(context.get("comments_open"))
    csrf_input = ""
    if can_edit_agenda:
        token = context.get("csrf_token")
        if token and token != "NOTPROVIDED":
            csrf_input = format_html(
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token
            )
    out = ['<ol class="list-unstyled">\n']
    last = len(items) - 1
    for index, item in enumerate(items):
        _item(
            out, item, index, last, itexts, texts, urls,
            can_edit_agenda=can_edit_agenda,
            show_comments=show_comments,
            comments_open=comments_open,
            csrf_input=csrf_input,
        )  # fmt: skip
    out.append("</ol>\n")
    return mark_safe("".join(out))  # noqa: S308 - every value escaped in _item


def _item(out, item, index, last, itexts, texts, urls, **page):
    pk = item.pk
    number = _escape(item.number)
    kind = itexts.kinds.get(item.kind)
    if kind is None:
        kind = itexts.kinds[item.kind] = itexts.kind % {"kind": _escape(item.get_kind_display())}
    out.append(
        f'<li>\n<section id="punkt-{pk}" class="agenda-item border-top pt-3 mb-4" '
        f'aria-labelledby="punkt-{pk}-titel">\n'
        f'<h3 id="punkt-{pk}-titel">{number}. {_escape(item.title)}</h3>\n'
        f'<p class="agenda-item-meta mb-2"><span class="badge text-bg-secondary">{kind}</span>'
    )
    if item.is_changed:
        out.append(f' <span class="badge portal-badge-new">{itexts.changed}</span>')
    out.append("</p>\n")
    if page["can_edit_agenda"]:
        values = {"number": number}
        out.append(
            '<div class="d-flex flex-wrap gap-2 mb-2">\n'
            f'<a class="btn btn-sm btn-outline-primary" href="{urls("councils:item_edit", pk)}">'
            f"{itexts.edit_item % values}</a>\n"
            '<a class="btn btn-sm btn-outline-primary" '
            f'href="{urls("councils:attachment_create", pk)}">{itexts.attach % values}</a>\n'
        )
        move = urls("councils:item_move", pk)
        for direction, shown, label in (
            ("up", index != 0, itexts.move_up),
            ("down", index != last, itexts.move_down),
        ):
            if shown:
                out.append(
                    f'<form method="post" action="{move}">{page["csrf_input"]}'
                    f'<input type="hidden" name="direction" value="{direction}">'
                    '<button class="btn btn-sm btn-outline-secondary" type="submit">'
                    f"{label % values}</button></form>\n"
                )
        out.append(
            f'<a class="btn btn-sm btn-outline-danger" href="{urls("councils:item_delete", pk)}">'
            f"{itexts.delete_item % values}</a>\n</div>\n"
        )
    if item.body:
        out.append(agenda_markdown(item.body))
    if item.recommendation:
        out.append(
            f'\n<h4 class="portal-subheading">{itexts.recommendation}</h4>\n'
            f"<p>{_linebreaksbr(item.recommendation)}</p>\n"
        )
    if item.decision:
        out.append(
            f'\n<h4 class="portal-subheading">{itexts.decision}</h4>\n'
            f"<p>{_linebreaksbr(item.decision)}</p>\n"
        )
    if item.attachment_list:
        out.append(f'\n<h4 class="portal-subheading">{itexts.attachments}</h4>\n<ul>\n')
        for attachment in item.attachment_list:
            name = _escape(str(attachment))
            label = _escape(file_label(attachment.filename, attachment.size))
            out.append(
                f'<li><a href="{_escape(attachment.get_absolute_url())}">{name}</a> ({label})\n'
            )
            if page["can_edit_agenda"]:
                href = urls("councils:attachment_delete", attachment.pk)
                out.append(
                    f'<a class="ms-2" href="{href}">{itexts.delete_attachment % {"name": name}}</a>'
                )
            out.append("</li>\n")
        out.append("</ul>\n")
    if item.takes_advice:
        statement = getattr(item, "statement", None)
        response = getattr(statement, "response", None) if statement is not None else None
        if statement is not None:
            date = _escape(format_date(statement.given_on))
            out.append(
                f'\n<h4 class="portal-subheading">{itexts.statement % {"date": date}}</h4>\n'
                '<blockquote class="border-start ps-3">'
                f"{linebreaks_filter(statement.text, autoescape=True)}</blockquote>\n"
            )
            if response is not None:
                outcome = itexts.outcomes.get(response.outcome)
                if outcome is None:
                    outcome = itexts.outcomes[response.outcome] = _escape(
                        response.get_outcome_display()
                    )
                out.append(
                    f'<h4 class="portal-subheading">{itexts.response}</h4>\n'
                    f"<p><strong>{outcome}</strong>"
                    f" ({_escape(format_date(response.answered_on))})</p>\n"
                    f"<p>{_linebreaksbr(response.reasons)}</p>\n"
                )
        if item.can_record_statement or item.can_record_response:
            out.append('<p class="d-flex flex-wrap gap-2">\n')
            if item.can_record_statement:
                label = itexts.edit_statement if statement is not None else itexts.write_statement
                out.append(
                    '<a class="btn btn-sm btn-outline-primary" '
                    f'href="{urls("councils:statement", pk)}">{label}</a>\n'
                )
            if item.can_record_response:
                label = itexts.edit_response if response is not None else itexts.write_response
                out.append(
                    '<a class="btn btn-sm btn-outline-primary" '
                    f'href="{urls("councils:response", pk)}">{label}</a>\n'
                )
            out.append("</p>\n")
    if page["show_comments"]:
        out.append(f'\n<h4 class="portal-subheading">{itexts.comments(item.comment_count)}</h4>\n')
        if item.threads:
            out.append('<ol class="list-unstyled comments">\n')
            _threads(out, item, texts, urls, page["comments_open"])
            out.append("</ol>\n")
        if item.can_comment and page["comments_open"]:
            out.append(
                '<p><a class="btn btn-sm btn-primary" '
                f'href="{urls("councils:comment_create", pk)}">'
                f"{itexts.comment % {'number': number}}</a></p>\n"
            )
        elif item.can_comment:
            out.append(f'<p class="text-secondary">{itexts.deadline_passed}</p>\n')
    out.append("</section>\n</li>\n")
