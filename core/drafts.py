"""Drafts kept in the browser (core/static/core/draft.js) for forms with long free text.

A form carries ``data-draft-key`` (templates/includes/draft_attrs.html with ``draft_key`` in
the context); the view that saves it says so with ``saved_draft_tag(key)`` as the success
message's extra tags, and the next page tells the browser to forget the draft.
"""


def saved_draft_tag(key: str) -> str:
    return f"draft:{key}"
