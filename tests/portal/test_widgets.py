from django import forms

from core.widgets import QuickSelect

CHOICES = [("", "Alle"), ("1", "Én & to"), ("2", "<script>")]


class Form(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    quick = forms.ChoiceField(choices=CHOICES, required=False, widget=QuickSelect)


def _normalised(html):
    return "".join(html.split())


def _options(html):
    return _normalised(html[html.index("<option") : html.index("</select>")])


def test_quick_select_gives_the_same_options_as_djangos_select():
    form = Form({"plain": "1", "quick": "1"})
    plain = form["plain"].as_widget(attrs={"class": "form-select"})
    quick = form["quick"].as_widget(attrs={"class": "form-select"})
    assert 'class="form-select"' in quick and 'id="id_quick"' in quick
    assert _options(quick) == _options(plain)
    assert "&lt;script&gt;" in quick and "<script>" not in quick
    assert '<option value="1" selected>' in quick


# Every app with forms: their date fields use the one date widget, their date-and-time fields
# the one date-and-time widget.
DATE_WIDGET_APPS = [
    "councils",
    "policies",
    "actionplans",
    "reports",
    "participation",
    "notifications",
]


def _date_fields():
    import importlib
    import inspect

    for app in DATE_WIDGET_APPS:
        module = importlib.import_module(f"{app}.forms")
        for _name, form_class in inspect.getmembers(module, inspect.isclass):
            if (
                not issubclass(form_class, forms.BaseForm)
                or form_class.__module__ != module.__name__
            ):
                continue
            for field_name, field in form_class.base_fields.items():
                if isinstance(field, forms.DateField | forms.DateTimeField):
                    yield f"{module.__name__}.{form_class.__name__}.{field_name}", field


def test_every_date_field_uses_the_one_date_widget():
    from core.widgets import DateInput, DateTimeInput

    found = dict(_date_fields())
    assert len(found) >= 10, found  # the goal's deadline, the meeting's start, the decision…

    def the_one_widget(field):
        return DateTimeInput if isinstance(field, forms.DateTimeField) else DateInput

    others = sorted(
        name for name, field in found.items() if type(field.widget) is not the_one_widget(field)
    )
    assert not others, f"Date fields without core.widgets.DateInput: {others}"


def test_the_date_widget_writes_an_iso_date_for_the_browser_picker():
    import datetime

    from core.widgets import DateInput

    html = DateInput().render("d", datetime.date(2026, 3, 9))
    assert 'type="date"' in html and 'value="2026-03-09"' in html
