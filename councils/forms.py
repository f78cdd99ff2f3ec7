import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import MARKDOWN_HELP
from core.markdown import plain_text
from core.uploads import ALLOWED_LABEL, AttachmentValidator
from core.widgets import DateInput, DateTimeInput
from councils.models import (
    COMMENT_MAX_LENGTH,
    AgendaItem,
    Attachment,
    AttendanceStatus,
    Meeting,
    Membership,
    Response,
    Statement,
)

DATETIME_FORMAT = DateTimeInput.value_format
# Anything that looks like the start of a tag: <script, </p, <!-- , <?php …
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "location", "comment_deadline"]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "comment_deadline": DateTimeInput(),
        }
        error_messages = {
            "starts_at": {
                "required": _("Angiv hvornår mødet begynder."),
                "invalid": _("Skriv dato og klokkeslæt, fx 2026-03-12 14:00."),
            },
        }


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "body", "recommendation", "decision", "first_put_on"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6}),
            "recommendation": forms.Textarea(attrs={"rows": 3}),
            "decision": forms.Textarea(attrs={"rows": 3}),
            "first_put_on": DateInput(),
        }
        help_texts = {"body": MARKDOWN_HELP}
        error_messages = {
            "title": {"required": _("Giv punktet en titel.")},
            "kind": {"required": _("Vælg hvilken type punkt det er.")},
        }


class AttachmentForm(forms.ModelForm):
    file = forms.FileField(
        label=_("Fil"),
        validators=[AttachmentValidator()],
        help_text=_("%(types)s, højst 20 MB.") % {"types": ALLOWED_LABEL},
        error_messages={
            "required": _("Vælg den fil, du vil vedhæfte."),
            "empty": _("Filen er tom. Vælg en fil med indhold."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg"}),
    )

    class Meta:
        model = Attachment
        fields = ["title", "file"]
        help_texts = {"title": _("Valgfri. Uden titel vises filnavnet.")}


class PlainTextField(forms.CharField):
    """Counts line breaks as the browser's counter does.

    Browsers submit a textarea's line breaks as CRLF but show and count them as
    one character; without this, text the counter calls 5,000 characters
    long would be refused here.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.Form):
    # A validator, not max_length: max_length would also render a maxlength
    # attribute, and browsers silently cut pasted text at it. The character
    # counter (councils/character-count.js) warns instead, and this refuses.
    text = PlainTextField(
        label=_("Din kommentar"),
        widget=forms.Textarea(
            attrs={
                "rows": 6,
                "data-character-count": "id_text_counter",
            }
        ),
        validators=[
            MaxLengthValidator(
                COMMENT_MAX_LENGTH,
                message=_(
                    "Kommentaren er for lang: %(show_value)d tegn. Den må højst være "
                    "%(limit_value)d tegn. Forkort den, og send den igen."
                ),
            )
        ],
        help_text=_("Almindelig tekst, højst 5.000 tegn. Kommentarer ses kun af rådets medlemmer."),
        error_messages={"required": _("Skriv en kommentar, før du sender den.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The shared field template (templates/bootstrap5/field.html) adds these to the help
        # text and error ids in aria-describedby; the comment page renders the counter.
        self.fields["text"].describedby_extra = ("id_text_counter",)
        self.fields["text"].widget.attrs["autofocus"] = True

    def clean_text(self):
        # The rule is checked on the text as it will be stored and shown: plain_text decodes
        # entities, so "&lt;img …&gt;" would be stored as a real "<img …>". We refuse markup
        # (written or encoded) rather than silently store it escaped, so a member learns at
        # once that the text is shown as typed; escaping on output stays the safety net for
        # what is already stored. "&amp;lt;" decodes to the harmless text "&lt;" and is kept.
        text = self.cleaned_data["text"]
        cleaned = plain_text(text)
        if MARKUP.search(text) or MARKUP.search(cleaned):
            raise forms.ValidationError(
                _(
                    "Kommentaren må ikke indeholde HTML-kode eller script (fx <script>). "
                    "Skriv den som almindelig tekst."
                ),
                code="markup",
            )
        if not cleaned:
            raise forms.ValidationError(_("Skriv en kommentar, før du sender den."), code="empty")
        return cleaned


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=500,
        help_text=_("Vises for rådets medlemmer i stedet for kommentaren."),
        error_messages={"required": _("Skriv hvorfor kommentaren skjules.")},
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Referat"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=format_lazy(
            "{} {}", MARKDOWN_HELP, _("Beslutningerne skrives ved de enkelte punkter.")
        ),
        error_messages={"required": _("Skriv referatet, før du gemmer det.")},
    )


class AttendanceForm(forms.Form):
    """One choice per active membership of the meeting's council."""

    def __init__(self, *args, memberships, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = memberships
        choices = [("", _("Ikke registreret")), *AttendanceStatus.choices]
        for membership in memberships:
            label = f"{membership.user.full_name} ({membership.public_label()})"
            self.fields[f"m{membership.pk}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                initial=current.get(membership.pk, ""),
            )

    def statuses(self) -> dict[int, str]:
        return {m.pk: self.cleaned_data.get(f"m{m.pk}", "") for m in self.memberships}


class ListingConsentForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["listed_publicly"]
        labels = {"listed_publicly": _("Mit navn må vises for alle på rådets side")}
        help_texts = {
            "listed_publicly": _(
                "Uden dit samtykke ser offentligheden kun din pladstype og organisation. "
                "Rådets medlemmer og forvaltningen ser altid dit navn."
            )
        }


class StatementForm(forms.ModelForm):
    first_put_on = forms.DateField(
        label=_("Først forelagt rådet"),
        required=False,
        widget=DateInput(),
        help_text=_("Den dag rådet første gang fik sagen."),
    )

    class Meta:
        model = Statement
        fields = ["text", "given_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "given_on": DateInput()}
        error_messages = {"text": {"required": _("Skriv rådets udtalelse.")}}

    def clean(self):
        cleaned = super().clean()
        first, given = cleaned.get("first_put_on"), cleaned.get("given_on")
        if first and given and first > given:
            self.add_error(
                "first_put_on", _("Sagen kan ikke være forelagt rådet efter udtalelsen.")
            )
        return cleaned


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Response
        fields = ["outcome", "reasons", "answered_on", "decided_on"]
        widgets = {
            "outcome": forms.RadioSelect,
            "reasons": forms.Textarea(attrs={"rows": 5}),
            "answered_on": DateInput(),
            "decided_on": DateInput(),
        }
        error_messages = {
            "outcome": {"required": _("Vælg om rådets udtalelse er fulgt.")},
            "reasons": {"required": _("Skriv begrundelsen for svaret.")},
        }

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.statement = statement

    def clean_answered_on(self):
        answered = self.cleaned_data["answered_on"]
        if answered and answered < self.statement.given_on:
            raise forms.ValidationError(_("Svaret kan ikke være givet før udtalelsen."))
        return answered
