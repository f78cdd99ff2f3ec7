from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Fx »Udtrådt af rådet i 2023; anmodning om sletning modtaget 4. maj«."),
        error_messages={"required": _("Skriv en begrundelse – den gemmes sammen med handlingen.")},
    )
    confirm = forms.BooleanField(
        label=_("Jeg ved, at handlingen ikke kan fortrydes."),
        error_messages={"required": _("Sæt kryds for at bekræfte, at handlingen er endelig.")},
    )
