from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from privacy.forms import ReasonForm
from privacy.history import PURGED, history_model_for, purge_history_entry, purgeable_fields


class _HistoryMixin(PermissionRequiredMixin):
    permission_required = "privacy.purge_history"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.content_type = get_object_or_404(ContentType, pk=kwargs["ct"])
        self.history_model = history_model_for(self.content_type)
        if self.history_model is None:
            raise Http404
        pk_name = self.content_type.model_class()._meta.pk.attname
        self.entries = self.history_model._default_manager.filter(
            **{pk_name: kwargs["object_id"]}
        ).order_by("-history_date", "-pk")
        return super().dispatch(request, *args, **kwargs)


class HistoryEntriesView(_HistoryMixin, TemplateView):
    template_name = "privacy/history_entries.html"

    def get_context_data(self, **kwargs):
        fields = purgeable_fields(self.history_model)
        rows = [
            (entry, [(f.verbose_name, getattr(entry, f.attname)) for f in fields])
            for entry in self.entries.select_related("history_user")[:200]
        ]
        return super().get_context_data(
            model_name=self.content_type.model_class()._meta.verbose_name,
            rows=rows,
            **kwargs,
        )


class PurgeForm(ReasonForm):
    fields_to_purge = forms.MultipleChoiceField(
        label=gettext_lazy("Felter, hvis værdi erstattes af »[fjernet]«"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Vælg mindst ét felt.")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields_to_purge"].choices = choices
        self.fields["fields_to_purge"].initial = [value for value, _label in choices]
        self.order_fields(["fields_to_purge", "reason", "confirm"])


class HistoryPurgeView(_HistoryMixin, FormView):
    template_name = "privacy/history_purge.html"
    form_class = PurgeForm

    def get_entry(self):
        return get_object_or_404(self.entries, pk=self.kwargs["history_id"])

    def get_form_kwargs(self):
        entry = self.get_entry()
        choices = [
            (f.attname, f"{f.verbose_name}: {str(getattr(entry, f.attname))[:80]}")
            for f in purgeable_fields(self.history_model)
            if getattr(entry, f.attname) not in ("", None, PURGED)
        ]
        return {**super().get_form_kwargs(), "choices": choices}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entry=self.get_entry(),
            model_name=self.content_type.model_class()._meta.verbose_name,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            purge_history_entry(
                entry=self.get_entry(),
                fields=form.cleaned_data["fields_to_purge"],
                actor=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("De valgte værdier er fjernet fra historikken."))
        return redirect(
            "privacy:history_entries", ct=self.content_type.pk, object_id=self.kwargs["object_id"]
        )
