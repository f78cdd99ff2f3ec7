from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import QuickSelect
from councils.models import Council
from organisation.models import Unit
from policies.models import MAX_YEAR, MIN_YEAR
from search.registry import KINDS

RELEVANCE, NEWEST = "relevans", "dato"


class SearchForm(forms.Form):
    # No max_length: a long query is shortened with a note, not refused (see the view).
    q = forms.CharField(
        label=_("Søg efter"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    raad = forms.TypedChoiceField(
        label=_("Råd"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    enhed = forms.TypedChoiceField(
        label=_("Enhed"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    aar = forms.IntegerField(
        label=_("År"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "invalid": _("Skriv året med fire cifre, fx 2025."),
            "min_value": _("Året skal ligge mellem 2000 og 2100."),
            "max_value": _("Året skal ligge mellem 2000 og 2100."),
        },
    )
    sorter = forms.ChoiceField(
        label=_("Sortér efter"),
        required=False,
        choices=[(RELEVANCE, _("Relevans")), (NEWEST, _("Dato, nyeste først"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Alle typer"))] + [
            (kind.key, kind.label) for kind in KINDS.values()
        ]
        self.fields["raad"].choices = [("", _("Alle råd"))] + list(
            Council.objects.order_by("name").values_list("pk", "name")
        )
        self.fields["enhed"].choices = [("", _("Alle enheder"))] + list(
            Unit.objects.order_by("name").values_list("pk", "name")
        )
        for name in ("type", "raad", "enhed", "sorter"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Vælg en af mulighederne på listen."
            )

    def value(self, name):
        """A field's cleaned value, or None when it was left out or is not valid."""
        return getattr(self, "cleaned_data", {}).get(name) or None
