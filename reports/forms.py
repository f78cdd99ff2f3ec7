from pathlib import PurePath

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionPlan
from core.forms import MARKDOWN_HELP
from core.widgets import DateInput
from policies.models import PolicyVersion
from reports.models import FocusAreaNarrative, ReportAttachment, StatusReport


class StatusReportForm(forms.ModelForm):
    class Meta:
        model = StatusReport
        fields = [
            "title",
            "period",
            "year",
            "committee",
            "date",
            "background",
            "status_intro",
            "method",
            "development_projects",
            "economy",
            "next_report",
        ]
        widgets = {
            "date": DateInput,
            "background": forms.Textarea(attrs={"rows": 6}),
            "status_intro": forms.Textarea(attrs={"rows": 5}),
            "method": forms.Textarea(attrs={"rows": 6}),
            "development_projects": forms.Textarea(attrs={"rows": 6}),
            "economy": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["background", "status_intro", "method", "development_projects", "economy"]:
            self.fields[name].help_text = MARKDOWN_HELP

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Året skal ligge mellem 2000 og 2100."))
        return year


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = FocusAreaNarrative
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class ReportAttachmentForm(forms.ModelForm):
    class Meta:
        model = ReportAttachment
        fields = ["title", "description", "policy_version", "action_plan", "file", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "position": _("Bilagene nummereres Bilag 1, 2, … i denne rækkefølge."),
            "file": _("PDF, DOCX, ODT, PNG eller JPEG, højst 20 MB. Valgfri."),
            "policy_version": _("Henvis til en vedtaget politik. Valgfri."),
            "action_plan": _("Henvis til en godkendt handleplan. Valgfri."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the public can open: a published report links to these.
        public = AnonymousUser()
        self.fields["policy_version"].queryset = PolicyVersion.objects.visible_to(public)
        self.fields["action_plan"].queryset = ActionPlan.objects.visible_to(public)

    def save(self, commit=True):
        attachment = super().save(commit=False)
        if "file" in self.changed_data and attachment.file:
            attachment.original_name = PurePath(self.cleaned_data["file"].name).name[:255]
        if commit:
            attachment.save()
        return attachment

    def clean(self):
        cleaned = super().clean()
        if not any(
            cleaned.get(f) for f in ("file", "description", "policy_version", "action_plan")
        ):
            raise forms.ValidationError(
                _(
                    "Et bilag skal have en fil, en beskrivelse eller en henvisning til en politik eller handleplan."
                )
            )
        return cleaned
