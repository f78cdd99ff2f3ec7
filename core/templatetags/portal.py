from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.filter(name="markdown")
def markdown_filter(text):
    from core.markdown import render_markdown

    return render_markdown(text)


@register.filter
def describedby(field):
    """The ids that describe a field: its help text, its errors, and any extra ids the form
    declared (``field.describedby_extra``, e.g. a character counter). The one place that
    builds aria-describedby, so that a field's error is always announced with it."""
    from core.forms import describedby_ids

    return " ".join(describedby_ids(field))


@register.simple_tag(takes_context=True)
def form_error_title_prefix(context):
    """'Fejl: ' when a form on the page has errors, so the page title tells at once."""
    from core.forms import context_has_form_errors

    if context_has_form_errors(context):
        from django.utils.translation import gettext

        return gettext("Fejl: ")
    return ""


@register.simple_tag
def errored_fields(form):
    """The fields of a form that have errors, in form order, for the error summary."""
    from core.forms import fields_with_errors

    return fields_with_errors(form)


@register.simple_tag
def prepare_field(field):
    """Before crispy renders a field: the Danish empty choice and the aria-describedby ids.

    Set on the widget (replacing, never appending, so a second render does not repeat ids);
    a radio or checkbox group is described on its <fieldset>, and its options too once in error.
    """
    from core.forms import apply_empty_label, describedby_ids

    apply_empty_label(field.field)
    widget = field.field.widget
    ids = describedby_ids(field) if not field.is_hidden else []
    # A group's options are marked aria-invalid on an error, so each also names the error
    # (screen readers announce an option, not its fieldset, when it gets focus).
    if ids and (not field.use_fieldset or field.errors):
        widget.attrs["aria-describedby"] = " ".join(ids)
    else:
        widget.attrs.pop("aria-describedby", None)
    return ""


@register.filter
def file_label(name, size=None):
    """'PDF, 643 kB': a file's type and a readable size, for a link to a bilag."""
    from core.files import file_label as label

    return label(name, size)


@register.filter
def portal_datetime(value, arg=""):
    """A date and time the portal's one way: '16. oktober 2026 kl. 14:00' (weekday first with
    'weekday'). The date is the language's DATE_FORMAT, so nb and en read naturally too."""
    from core.dates import format_datetime

    return format_datetime(value, weekday=arg == "weekday")


@register.filter
def portal_date(value, arg=""):
    """A date the portal's one way: '16. oktober 2026' ('weekday': 'fredag 16. oktober 2026')."""
    from core.dates import format_date

    return format_date(value, weekday=arg == "weekday")
