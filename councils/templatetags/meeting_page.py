"""The meeting page's comment threads, rendered in Python.

A busy meeting has 50–100 comments. Through ``{% include %}`` each cost a template context,
a dozen tag and filter calls and a date format, which made the comments most of the page's
time. This writes the same HTML (what ``councils/_comment.html`` wrote) in one pass, with the
translated strings and the URL patterns looked up once per page.

Escaping: every value from the database goes through ``conditional_escape`` (or
``linebreaksbr`` with autoescape); only the portal's own translated strings and URLs are
trusted, as a template trusts them.
"""

from functools import lru_cache

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.formats import get_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.dates import format_date
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


# Stands for a comment's or item's id in a URL reversed once per page.
_ID = 2147483647


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
    """``core.dates.format_datetime`` of local times, the date part formatted once per day."""

    def __init__(self):
        self.pattern = gettext(_DATETIME)
        # What formats.time_format(value, "TIME_FORMAT") looks up on every call.
        self.time_format = get_format("TIME_FORMAT")
        self.days = {}

    def __call__(self, value):
        day = self.days.get(value.date())
        if day is None:
            day = self.days[value.date()] = format_date(value)
        return self.pattern % {"date": day, "time": time_format(value, self.time_format)}


class _Texts:
    """The comment's fixed texts in the request's language, translated once per page."""

    def __init__(self):
        # Escaped as {% translate %} escapes them.
        self.new = conditional_escape(gettext("Ny"))
        self.edited = conditional_escape(gettext("rettet"))
        self.edit = conditional_escape(gettext("Ret din kommentar"))
        self.show_hidden = conditional_escape(gettext("Vis skjult tekst"))
        # The same msgids as the template had ({% blocktranslate with name=… %}); as there,
        # the translation is trusted and the values put into it are escaped.
        self.reply = gettext("Svar %(name)s")
        self.hide = gettext("Skjul kommentaren fra %(name)s")
        self.hidden = gettext("Kommentaren er skjult af sekretæren. Begrundelse: %(reason)s")
        self.dates = _Dates()


@register.simple_tag(takes_context=True)
def comment_threads(context, item):
    """``item.threads`` as the ``<li>`` of an ``<ol class="comments">``.

    Reads what the view set: ``comment.is_new``, ``can_edit``, ``can_hide``,
    ``can_read_hidden``, ``reply_list``, and the page's ``comments_open``.
    """
    # Once per page render, shared by every item's threads (never across requests).
    page = context.render_context.get("meeting_page_comments")
    if page is None:
        page = context.render_context["meeting_page_comments"] = (_Texts(), _Urls())
    texts, urls = page
    comments_open = bool(context.get("comments_open"))
    may_reply = bool(item.can_comment and comments_open)
    out = []
    for thread in item.threads:
        _comment(out, thread, thread, item, texts, urls, comments_open, may_reply, is_reply=False)
    return mark_safe("".join(out))  # noqa: S308 - every value escaped in _comment


def _comment(out, comment, reply_to, item, texts, urls, comments_open, may_reply, *, is_reply):
    name = conditional_escape(comment.author.full_name)
    created = timezone.localtime(comment.created_at)
    out.append(f'<li id="kommentar-{comment.pk}" class="comment border-start ps-3 mb-3">\n')
    out.append('  <p class="mb-1">')
    if comment.is_new:
        out.append(f'<span class="badge portal-badge-new">{texts.new}</span> ')
    out.append(
        f"<strong>{name}</strong>\n"
        # The date filter's "c" is isoformat().
        f'    <span class="text-secondary">· <time datetime="{created.isoformat()}">'
        f"{conditional_escape(texts.dates(created))}</time>"
    )
    if comment.edited_at:
        out.append(f" · {texts.edited}")
    out.append("</span></p>\n")
    if comment.is_hidden:
        reason = conditional_escape(comment.hidden_reason)
        out.append(f'  <p class="fst-italic mb-1">{texts.hidden % {"reason": reason}}</p>\n')
    else:
        # shown_text (councils.selectors.shown_comments): the hidden text is never loaded.
        out.append(
            f'  <p class="mb-1 comment-text">{linebreaksbr(comment.shown_text, autoescape=True)}</p>\n'
        )
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
