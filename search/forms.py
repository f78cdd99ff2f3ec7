from django import forms
from django.db.models import Value
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
        councils, units = _councils_and_units()
        self.fields["raad"].choices = [("", _("Alle råd")), *councils]
        self.fields["enhed"].choices = [("", _("Alle enheder")), *units]
        for name in ("type", "raad", "enhed", "sorter"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Vælg en af mulighederne på listen."
            )

    def value(self, name):
        """A field's cleaned value, or None when it was left out or is not valid."""
        return getattr(self, "cleaned_data", {}).get(name) or None


def _councils_and_units() -> tuple[list, list]:
    """Every council and every unit as (pk, name), by name: one query for both lists."""
    councils = Council.objects.order_by().annotate(s_list=Value(0))
    units = Unit.objects.order_by().annotate(s_list=Value(1))
    tagged = (
        councils.values_list("s_list", "pk", "name")
        .union(units.values_list("s_list", "pk", "name"), all=True)
        .order_by("s_list", "name")
    )
    lists: tuple[list, list] = ([], [])
    for which, pk, name in tagged:
        lists[which].append((pk, name))
    return lists
