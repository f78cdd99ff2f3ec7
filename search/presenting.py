"""Turns a page of matched rows into what the results page shows, escaped and marked."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.markdown import plain_text, render_markdown
from search.registry import KINDS

WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 240


@dataclass
class Result:
    kind: str
    kind_label: str
    status_label: str
    title: SafeString
    snippet: SafeString
    where: str
    date: date | None
    url: str


def matcher(terms: list[str], stems: list[str]):
    """Is a word of the text one the query found? Stems match word starts; parts anywhere."""
    starts = tuple({s.lower() for s in [*terms, *stems] if len(s) >= 2})
    parts = tuple(t for t in terms if len(t) >= 3)

    def is_match(word: str) -> bool:
        word = word.lower()
        return word.startswith(starts) or any(part in word for part in parts)

    return is_match


def highlight(text: str, is_match) -> SafeString:
    """``text`` escaped, its matching words wrapped in <mark>. Only escaped text is marked safe."""
    pieces, last = [], 0
    for found in WORD.finditer(text):
        pieces.append(escape(text[last : found.start()]))
        word = escape(found.group())
        pieces.append(f"<mark>{word}</mark>" if is_match(found.group()) else word)
        last = found.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def excerpt(text: str, is_match, length: int = SNIPPET_LENGTH) -> str:
    """About ``length`` characters of ``text`` around its first matching word."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    first = next((m.start() for m in WORD.finditer(text) if is_match(m.group())), 0)
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")


def present(search, rows: list[dict], details: dict) -> list[Result]:
    is_match = matcher(search.terms, search.stems())
    results = []
    for row in rows:
        shown = details.get((row["s_kind"], row["s_id"]))
        if shown is None:  # gone between the two queries
            continue
        kind = KINDS[row["s_kind"]]
        where = shown["s_where"] or ""
        title = shown["s_title"] or _("Møde i %(council)s") % {"council": where}
        # Markdown is rendered, then stripped of every tag: the snippet is plain text again.
        text = excerpt(plain_text(str(render_markdown(shown["s_text"] or ""))), is_match)
        status = kind.status_labels.get(shown["s_status"] or "", "")
        results.append(
            Result(
                kind=kind.key,
                kind_label=str(kind.label),
                status_label=str(status),
                title=highlight(title, is_match),
                snippet=highlight(text, is_match),
                where=where,
                date=row["s_date"],
                url=kind.link({**row, **shown}),
            )
        )
    return results
