from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from privacy.forms import ReasonForm
from privacy.pseudonymise import identity_for, is_pseudonymised, mentions_of, pseudonymise


class PseudonymiseView(PermissionRequiredMixin, FormView):
    """Confirmation page: what will be removed, what is kept, and where the name still occurs."""

    permission_required = "privacy.pseudonymise_user"
    template_name = "privacy/pseudonymise.html"
    form_class = ReasonForm

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        done = is_pseudonymised(self.person)
        return super().get_context_data(
            person=self.person,
            done=done,
            pseudonym=identity_for(self.person).pseudonym,
            mentions=[] if done else mentions_of(self.person),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            record = pseudonymise(
                user=self.person, actor=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Personen er anonymiseret og hedder nu %(pseudonym)s.")
            % {"pseudonym": record.target_repr},
        )
        return redirect(reverse("admin:accounts_user_change", args=[self.person.pk]))
