from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from notifications.kinds import HELP, Frequency, Kind


class NotificationSettingsForm(forms.Form):
    """One choice per kind (at once, digest, off) and the language of the e-mails."""

    def __init__(self, *args, frequencies: dict, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                initial=frequencies[kind.value],
                help_text=HELP[kind],
            )
        self.fields["language"] = forms.ChoiceField(
            label=_("Sprog i e-mails"),
            choices=settings.LANGUAGES,
            initial=language,
        )

    def frequencies(self) -> dict[str, str]:
        return {kind.value: self.cleaned_data[kind.value] for kind in Kind}
