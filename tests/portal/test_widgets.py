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
