"""Plant a unique marker in every free-text field of an object's earlier version.

Used by the history tests of policies and actionplans: a reader of the page must
never meet a marker; an editor meets every one (the full history, as before).
"""

import uuid

from django.db import models

# Shorter fields (an initiative's letter) cannot hold a marker that is unique on a page.
MIN_LENGTH = 20


def marker() -> str:
    return f"SPOR{uuid.uuid4().hex[:12].upper()}"


def free_text_fields(model) -> list:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and f.editable
        and (f.max_length is None or f.max_length >= MIN_LENGTH)
    ]


def plant_and_replace(obj, user) -> list[str]:
    """Saves ``obj`` once with a marker in every free-text field, then once with its
    earlier (or, where empty, new) wording.

    Returns the markers, which now live in the object's history only.
    """
    fields = free_text_fields(type(obj))
    assert fields, f"{type(obj).__name__} has no free-text fields to plant markers in"
    planted = {f.name: marker() for f in fields}
    # Back to the earlier wording where there was one, so that the object stays valid.
    wording = {f.name: getattr(obj, f.name) or f"Rettet tekst ({f.name})" for f in fields}
    for name, value in planted.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()
    for name, value in wording.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()
    return list(planted.values())


def history_section(html: str) -> str:
    start = html.index('<section id="historik"')
    return html[start : html.index("</section>", start)]
