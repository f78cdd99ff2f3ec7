"""Markdown written in the portal, rendered to HTML that is safe to show."""

import html
import threading

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}


_local = threading.local()


def _converter() -> md.Markdown:
    # Building a Markdown instance loads its extensions (~1 ms); a page with ten agenda
    # items did that ten times. One per thread, reset between texts, gives the same HTML.
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = md.Markdown(
            extensions=["tables", "sane_lists"], output_format="html"
        )
    return converter


def render_markdown(text: str) -> str:
    html = _converter().reset().convert(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 above


def plain_text(text: str) -> str:
    """Strips every tag (and script content): plain text, to be escaped when shown."""
    return html.unescape(nh3.clean(text or "", tags=set())).strip()
