from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_administrator
from core.forms import MARKDOWN_HELP
from core.uploads import AttachmentValidator
from core.widgets import DateInput
from organisation.models import Committee, Unit
from policies.models import (
    MAX_YEAR,
    MIN_YEAR,
    GoalUpdate,
    InvolvementLevel,
    PolicyVersion,
    UnitGoal,
)

YEAR_MESSAGE = _("Året skal ligge mellem 2000 og 2100.")


def danish_required_messages(form):
    """Every required field says which field is missing, in words."""
    for field in form.fields.values():
        label = field.label or ""
        field.error_messages["required"] = _("Udfyld feltet »%(label)s«.") % {
            "label": str(label).rstrip(":")
        }


class PolicyVersionForm(forms.ModelForm):
    class Meta:
        model = PolicyVersion
        fields = [
            "title",
            "summary",
            "why",
            "purpose",
            "vision",
            "unit_duties",
            "user_rights",
            "in_practice",
            "change_note",
        ]
        labels = {"title": _("Titel"), "summary": _("Kort beskrivelse")}
        help_texts = {name: MARKDOWN_HELP for name, _heading in PolicyVersion.SECTIONS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_note"].label = _("Hvad er ændret")
        for name in ("summary", "change_note"):
            self.fields[name].widget.attrs["rows"] = 3
        danish_required_messages(self)


class AdoptForm(forms.Form):
    adopting_body = forms.ChoiceField(
        label=_("Vedtaget af"),
        choices=PolicyVersion.AdoptingBody.choices,
        widget=forms.RadioSelect,
    )
    committee = forms.ModelChoiceField(
        label=_("Udvalg"),
        queryset=Committee.objects.all(),
        required=False,
        help_text=_("Kun når politikken er vedtaget af et udvalg."),
    )
    adopted_on = forms.DateField(label=_("Vedtaget den"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        danish_required_messages(self)

    def clean(self):
        data = super().clean()
        body, committee = data.get("adopting_body"), data.get("committee")
        if body == PolicyVersion.AdoptingBody.COMMITTEE and committee is None:
            self.add_error("committee", _("Vælg det udvalg, der har vedtaget politikken."))
        if body == PolicyVersion.AdoptingBody.CITY_COUNCIL and committee is not None:
            self.add_error("committee", _("Vælg enten byrådet eller et udvalg – ikke begge."))
        return data


class GoalForm(forms.ModelForm):
    year = forms.IntegerField(
        label=_("År"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "min_value": YEAR_MESSAGE,
            "max_value": YEAR_MESSAGE,
            "invalid": _("Skriv året med fire cifre, fx 2011."),
        },
    )
    level = forms.ChoiceField(
        label=_("Trin på inddragelsestrappen"),
        choices=InvolvementLevel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "»%(value)s« er ikke et trin på inddragelsestrappen. Vælg brugerstyring, "
                "brugerindflydelse, brugerinddragelse eller brugerdeltagelse."
            )
        },
    )
    # The goal's version when the form was opened (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = UnitGoal
        fields = [
            "unit",
            "year",
            "policy",
            "focus_area",
            "title",
            "involved_in",
            "organisation",
            "level",
            "primary_users",
            "secondary_users",
            "indicator",
            "target",
            "deadline",
            "status",
        ]
        labels = {
            "unit": _("Enhed"),
            "policy": _("Politik"),
            "focus_area": _("Fokusområde"),
            "title": _("Mål"),
            "involved_in": _("Hvad inddrages brugerne i?"),
            "organisation": _("Hvordan organiseres det?"),
            "primary_users": _("Primære brugere"),
            "secondary_users": _("Sekundære brugere"),
            "indicator": _("Indikator"),
            "target": _("Resultatkrav"),
            "deadline": _("Frist for resultatkravet"),
            "status": _("Status"),
        }
        widgets = {"deadline": DateInput}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        units = Unit.objects.active()
        if not is_administrator(user):
            units = units.staffed_by(user)
            self.fields["unit"].error_messages["invalid_choice"] = _(
                "Du kan kun sætte mål for de enheder, du arbejder i."
            )
        if self.instance.pk:
            units = units | Unit.objects.filter(pk=self.instance.unit_id)
        self.fields["unit"].queryset = units.distinct().order_by("name")
        policies = PolicyVersion.objects.visible_to(user).exclude(
            status=PolicyVersion.Status.ARCHIVED
        )
        if self.instance.pk:
            policies = policies | PolicyVersion.objects.filter(pk=self.instance.policy_id)
        self.fields["policy"].queryset = policies.distinct().order_by("title", "-number")
        self.fields["policy"].label_from_instance = _policy_label
        self.fields["focus_area"].empty_label = None
        self.fields["policy"].empty_label = None
        for name in ("involved_in", "organisation", "primary_users", "secondary_users"):
            self.fields[name].widget.attrs["rows"] = 3
        for name in ("indicator", "target"):
            self.fields[name].widget.attrs["rows"] = 2
        danish_required_messages(self)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_version(self):
        version = self.cleaned_data.get("version")
        if self.instance.pk and version is None:
            raise forms.ValidationError(
                _("Formularen mangler sin version. Åbn målet igen, og gem dine ændringer på ny.")
            )
        return version


def _policy_label(version):
    return _("%(title)s (%(status)s, version %(number)s)") % {
        "title": version.title,
        "status": version.get_status_display().lower(),
        "number": version.number,
    }


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


class GoalUpdateForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Bilag"),
        required=False,
        validators=[AttachmentValidator()],
        help_text=_(
            "Valgfrit. Du kan vælge flere filer (PDF, DOCX, ODT, PNG, JPEG, højst 20 MB hver). "
            "Bilag kan læses af alle, der kan læse målet – upload ikke personoplysninger."
        ),
    )

    class Meta:
        model = GoalUpdate
        fields = ["date", "channel", "participants", "what_was_done", "what_changed"]
        labels = {
            "date": _("Dato"),
            "channel": _("Hvordan var brugerne med?"),
            "participants": _("Hvem deltog?"),
            "what_was_done": _("Hvad blev gjort?"),
            "what_changed": _("Hvad førte det til?"),
        }
        widgets = {"date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["what_was_done"].widget.attrs["rows"] = 4
        self.fields["what_changed"].widget.attrs["rows"] = 3
        danish_required_messages(self)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if not MIN_YEAR <= date.year <= MAX_YEAR:
            raise forms.ValidationError(_("Datoen skal ligge mellem år 2000 og 2100."))
        return date
