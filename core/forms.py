"""What every form of the portal shares: the error pattern and Danish placeholders.

The templates in ``templates/bootstrap5/`` (crispy's template pack, which renders every form)
call these helpers, so no single form builds its own error summary or aria-describedby.
"""

from django import forms
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext, gettext_lazy


def describedby_ids(bound_field) -> list[str]:
    """Help text id, error id and the field's extra ids (``describedby_extra``), in that order.

    The error id is the container crispy's ``field_errors.html`` renders
    (``<auto_id>_error``), which is also Django's own convention.
    """
    auto_id = bound_field.auto_id
    if not auto_id or bound_field.is_hidden:
        return []
    ids = []
    if bound_field.help_text:
        ids.append(f"{auto_id}_helptext")
    if bound_field.errors:
        ids.append(f"{auto_id}_error")
    ids.extend(getattr(bound_field.field, "describedby_extra", ()))
    return ids


def fields_with_errors(form):
    """(label, anchor id, first error) for each field in error, in the form's order.

    A hidden field has no label or anchor: its message is listed on its own.
    """
    if form is None or not getattr(form, "is_bound", False) or not form.errors:
        return []
    rows = []
    for bound_field in form:
        if not bound_field.errors:
            continue
        anchor = bound_field.id_for_label or bound_field.auto_id
        if bound_field.is_hidden or not anchor:
            # Nothing to link to (e.g. a stale version token): the message alone.
            rows.append((None, None, bound_field.errors[0]))
            continue
        # A radio or checkbox group has no id of its own: link its first option.
        if not bound_field.id_for_label and bound_field.auto_id:
            anchor = f"{bound_field.auto_id}_0"
        rows.append((bound_field.label, anchor, bound_field.errors[0]))
    return rows


def _has_errors(value) -> bool:
    if isinstance(value, forms.BaseForm):
        return value.is_bound and bool(value.errors)
    if isinstance(value, BaseFormSet):
        return value.is_bound and not value.is_valid()
    return False


def context_has_form_errors(context) -> bool:
    """Whether any form (or form set) in a template context was submitted with errors."""
    for value in context.flatten().values():
        if _has_errors(value):
            return True
        if isinstance(value, (list, tuple)) and any(_has_errors(item) for item in value[:20]):
            return True
    return False


def choose_label(field_label) -> str:
    """'Vælg <field>' – the empty choice of a select, instead of Django's '---------'."""
    label = str(field_label or "").strip()
    if not label:
        return gettext("Vælg …")
    return gettext("Vælg %(what)s") % {"what": label[0].lower() + label[1:]}


def apply_empty_label(field) -> None:
    """Replace Django's '---------' empty choice of a single select with 'Vælg …'."""
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None and str(field.empty_label).startswith("---"):
            field.empty_label = choose_label(field.label)
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if choices and choices[0][0] in ("", None) and str(choices[0][1]).startswith("---"):
            field.choices = [("", choose_label(field.label)), *choices[1:]]


# The one help text for every field written in Markdown: the four things a secretary needs,
# in plain words, without the word "Markdown".
MARKDOWN_HELP = gettext_lazy(
    "Sådan formaterer du: skriv # og mellemrum foran en overskrift. "
    "Skriv - og mellemrum foran hvert punkt i en liste. "
    "Sæt **to stjerner** om ord, der skal stå med fed. "
    "Et link skrives [teksten](https://adressen). "
    "En tom linje starter et nyt afsnit."
)
