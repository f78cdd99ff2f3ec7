from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplans.letters import LETTER_RE
from actionplans.models import ActionPlan, Initiative, InitiativeUpdate
from actionplans.money import NotAnAmount, format_kroner, parse_kroner
from actionplans.services import allowed_transitions, duplicate_letter_message
from core.forms import MARKDOWN_HELP
from core.widgets import DateInput
from councils.models import AgendaItem
from organisation.models import Unit
from policies.models import UnitGoal


class KronerInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal):
            return format_kroner(value, with_unit=False)
        return super().format_value(value)


class KronerField(forms.Field):
    """An amount in kroner, typed the Danish way: 100.000 or 100.000,50."""

    widget = KronerInput
    default_error_messages = {
        "invalid": _("Skriv beløbet som et tal i kroner, fx 100.000 eller 100.000,50."),
        "negative": _("Beløbet kan ikke være negativt."),
        "decimals": _("Beløbet kan højst have to decimaler (øre), fx 100.000,50."),
        "too_large": _("Beløbet er for stort."),
    }

    def to_python(self, value):
        if isinstance(value, Decimal):
            return value
        try:
            amount = parse_kroner(value)
        except NotAnAmount:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return amount

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < 0:
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        if -value.as_tuple().exponent > 2:
            raise forms.ValidationError(self.error_messages["decimals"], code="decimals")
        if value >= Decimal("1e12"):
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")


class ActionPlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "case_number",
            "committee",
            "administration",
            "related_plan",
            "recommenders",
            "problem",
            "solution",
            "effect",
            "economy",
            "next_steps",
        ]
        # The committee's decision (status, date, text) is recorded only through DecisionForm,
        # which checks that the plan is before the committee and logs the step.
        widgets = {
            "recommenders": forms.CheckboxSelectMultiple,
            **{
                name: forms.Textarea(attrs={"rows": 5})
                for name in ["problem", "solution", "effect", "economy", "next_steps"]
            },
        }
        help_texts = dict.fromkeys(
            ["problem", "solution", "effect", "economy", "next_steps"], MARKDOWN_HELP
        )


class DecisionForm(forms.Form):
    """The committee's decision on a submitted plan."""

    outcome = forms.ChoiceField(
        label=_("Udvalgets beslutning"),
        choices=[(s.value, s.label) for s in ActionPlan.Status.decided()],
        widget=forms.RadioSelect,
    )
    decision_date = forms.DateField(label=_("Beslutningsdato"), widget=DateInput)
    decision_text = forms.CharField(
        label=_("Beslutningens ordlyd"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx »Indstillingen blev godkendt«."),
    )

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)

    def clean_decision_date(self):
        date = self.cleaned_data["decision_date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Beslutningsdatoen kan ikke ligge i fremtiden."))
        return date

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome and ActionPlan.Status(outcome) not in allowed_transitions(self.plan):
            raise forms.ValidationError(
                _(
                    "Udvalgets beslutning kan kun registreres for en plan, der er indstillet til "
                    "udvalget. Denne plan har status »%(status)s«."
                )
                % {"status": self.plan.get_status_display().lower()},
                code="invalid_transition",
            )
        return cleaned


class AgendaItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.meeting} – {obj}"


class InitiativeForm(forms.ModelForm):
    letter = forms.CharField(
        label=_("Bogstav"),
        max_length=3,
        required=False,
        help_text=_("Lad feltet stå tomt for at få det næste ledige bogstav."),
    )
    cost = KronerField(
        label=_("Udgift (kr.)"),
        required=False,
        help_text=_("Hele kroner eller med øre, fx 100.000 eller 100.000,50."),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "description",
            "focus_area",
            "responsible_unit",
            "funding",
            "fund_name",
            "cost",
            "recurrence",
            "budget_year",
            "status",
            "unit_goals",
            "agenda_items",
        ]
        field_classes = {"agenda_items": AgendaItemChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "funding": forms.RadioSelect,
            "recurrence": forms.RadioSelect,
            "unit_goals": forms.SelectMultiple(attrs={"size": 8}),
            "agenda_items": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, plan, user, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        self.order_fields(["letter"])
        self.fields["responsible_unit"].queryset = Unit.objects.active().select_related(
            "administration"
        )
        self.fields["unit_goals"].queryset = UnitGoal.objects.visible_to(user).for_display()
        self.fields["agenda_items"].queryset = (
            AgendaItem.objects.visible_to(user)
            .select_related("meeting__council")
            .order_by("-meeting__starts_at", "number")
        )
        several = _("Hold Ctrl (Cmd på Mac) nede for at vælge flere.")
        for name in ("unit_goals", "agenda_items"):
            field = self.fields[name]
            field.help_text = f"{field.help_text} {several}"
        if self.instance.pk:
            # Letters never change once given: documents and minutes refer to them.
            self.fields["letter"].disabled = True
            self.fields["letter"].initial = self.instance.letter
            self.fields["letter"].help_text = _("Et initiativs bogstav ændres ikke.")

    def clean_letter(self):
        if self.instance.pk:
            return self.instance.letter
        letter = self.cleaned_data["letter"].strip().upper()
        if not letter:
            return ""
        if not LETTER_RE.match(letter):
            raise forms.ValidationError(
                _("Bogstavet skal være et til tre store bogstaver fra A til Z, fx C eller AA.")
            )
        if self.plan.initiatives.filter(letter=letter).exists():
            raise forms.ValidationError(duplicate_letter_message(letter), code="unique")
        return letter


class InitiativeUpdateForm(forms.ModelForm):
    class Meta:
        model = InitiativeUpdate
        fields = ["date", "text"]
        widgets = {"date": DateInput, "text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Hvad er der sket?")}

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("En opfølgning kan ikke dateres i fremtiden."))
        return date
