from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from participation.models import SUPPORT_DETAILS_MAX_LENGTH, Answer, SupportRequest

NEED_CHOICES = [
    ("transport", _("Transport til og fra mødet")),
    ("interpreter", _("Tolk, også tegnsprogstolk")),
    ("helper", _("En hjælper under mødet")),
    ("accessibility", _("Andet om tilgængelighed, fx trinfri adgang, teleslynge eller pauser")),
]


def answer_field(label):
    return forms.ChoiceField(
        label=label,
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg om du kommer til mødet.")},
    )


class AnswerForm(forms.Form):
    """The answer, and (on the answer page) the support the member needs to attend."""

    answer = answer_field(_("Kommer du til mødet?"))

    def __init__(self, *args, with_support=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_support = with_support
        if with_support:
            self.fields["needs"] = forms.MultipleChoiceField(
                label=_("Har du brug for støtte for at kunne deltage?"),
                choices=NEED_CHOICES,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=_(
                    "Kun rådets sekretær og administratorerne ser, hvad du beder om. "
                    "Sekretæren får besked og vender tilbage, når det er ordnet."
                ),
            )
            self.fields["details"] = forms.CharField(
                label=_("Beskriv, hvad du har brug for"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                validators=[
                    MaxLengthValidator(
                        SUPPORT_DETAILS_MAX_LENGTH,
                        message=_(
                            "Beskrivelsen er for lang: %(show_value)d tegn. Den må højst være "
                            "%(limit_value)d tegn."
                        ),
                    )
                ],
                help_text=_(
                    "Fx hvor du skal hentes, hvilket sprog tolken skal tale, eller hvad "
                    "hjælperen skal kunne. Højst 1.000 tegn."
                ),
            )

    @staticmethod
    def initial_for(answer, support):
        initial = {"answer": answer.answer if answer else None}
        if support is not None:
            initial["needs"] = [name for name in SupportRequest.NEEDS if getattr(support, name)]
            initial["details"] = support.details
        return initial

    def needs(self) -> dict:
        chosen = set(self.cleaned_data.get("needs") or [])
        return {name: name in chosen for name in SupportRequest.NEEDS}


class RecordAnswerForm(forms.Form):
    """The secretary types in the answer a member gave on the phone or in person."""

    membership = forms.TypedChoiceField(
        label=_("Medlem"),
        coerce=int,
        error_messages={
            "required": _("Vælg det medlem, der har svaret."),
            "invalid_choice": _("Vælg et medlem af rådet fra listen."),
        },
    )
    answer = answer_field(_("Medlemmets svar"))

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = {membership.pk: membership for membership in seats}
        self.fields["membership"].choices = [
            ("", _("Vælg medlem")),
            *[(m.pk, self.label_for(m)) for m in seats],
        ]

    @staticmethod
    def label_for(membership):
        label = f"{membership.user.full_name} ({membership.public_label()})"
        if membership.is_substitute:
            return _("%(label)s, suppleant") % {"label": label}
        return label

    def chosen(self):
        return self.seats[self.cleaned_data["membership"]]
