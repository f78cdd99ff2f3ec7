from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from policies import services
from policies.forms import AdoptForm, PolicyVersionForm
from policies.history import version_history
from policies.models import PolicyVersion, UnitGoal, ladder
from policies.views.common import (
    CreatePageMixin,
    FormPageMixin,
    GuardedObjectMixin,
    PublicObjectMixin,
    paginate,
)


class PolicyListView(TemplateView):
    template_name = "policies/policy_list.html"

    def get_context_data(self, **kwargs):
        versions = (
            PolicyVersion.objects.visible_to(self.request.user)
            .select_related("committee")
            .order_by("policy_id", "-number")
        )
        by_policy = {}
        for version in versions:
            by_policy.setdefault(version.policy_id, []).append(version)
        rows = sorted(
            (_current(found) for found in by_policy.values()),
            key=lambda v: v.title.lower(),
        )
        return super().get_context_data(
            page_obj=paginate(self.request, rows), ladder=ladder(), **kwargs
        )


def _current(versions):
    """The version to show for a policy: the adopted one, else the newest visible one."""
    for version in versions:
        if version.status == PolicyVersion.Status.ADOPTED:
            return version
    return versions[0]


def _visible_versions(user, policy_id):
    return list(
        PolicyVersion.objects.visible_to(user)
        .filter(policy_id=policy_id)
        .select_related("committee")
        .order_by("-number")
    )


class VersionPageMixin:
    template_name = "policies/policy_detail.html"

    def version_context(self, version, versions):
        return {
            "version": version,
            "versions": versions,
            "draft": next((v for v in versions if v.is_draft), None),
            "sections": [(h, text) for h, text in version.sections() if text.strip()],
            "ladder": ladder(),
            "history": version_history(self.request, version),
            "goal_count": UnitGoal.objects.visible_to(self.request.user)
            .filter(policy__policy_id=version.policy_id)
            .count(),
        }


class PolicyDetailView(VersionPageMixin, TemplateView):
    """A policy is its visible versions: none visible is a 404 (for everybody)."""

    def get_context_data(self, **kwargs):
        versions = _visible_versions(self.request.user, self.kwargs["pk"])
        if not versions:
            raise Http404
        return super().get_context_data(
            **self.version_context(_current(versions), versions), **kwargs
        )


class VersionObjectMixin:
    model = PolicyVersion

    def get_queryset(self):
        return super().get_queryset().select_related("committee")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("version", self.object)
        return super().get_context_data(**kwargs)


class VersionDetailView(VersionPageMixin, VersionObjectMixin, PublicObjectMixin, TemplateView):
    def get_context_data(self, **kwargs):
        version = self.object
        versions = _visible_versions(self.request.user, version.policy_id)
        return super().get_context_data(**self.version_context(version, versions), **kwargs)


class PolicyCreateView(CreatePageMixin, FormView):
    permission_required = "policies.add_policy"
    form_class = PolicyVersionForm
    template_name = "policies/version_form.html"
    extra_context = {"version": None}

    def form_valid(self, form):
        version = services.create_policy(version=form.instance)
        messages.success(self.request, _("Politikken er oprettet som kladde."))
        return redirect(version)


class VersionEditView(FormPageMixin, VersionObjectMixin, GuardedObjectMixin, FormView):
    permission_required = "policies.change_policyversion"
    form_class = PolicyVersionForm
    template_name = "policies/version_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def form_valid(self, form):
        services.save_version(version=form.instance)
        messages.success(self.request, _("Kladden er gemt."))
        return redirect(self.object)


class VersionAdoptView(FormPageMixin, VersionObjectMixin, GuardedObjectMixin, FormView):
    permission_required = "policies.adopt_policyversion"
    form_class = AdoptForm
    template_name = "policies/version_adopt.html"

    def handle_no_permission(self):
        # A second click on "Vedtag" ends on the version, not on a bare 403.
        if not self.object.is_draft and self.request.user.has_perm("policies.add_policy"):
            return self._already_adopted()
        return super().handle_no_permission()

    def _already_adopted(self):
        messages.info(self.request, _("Versionen er allerede vedtaget."))
        return redirect(self.object)

    def form_valid(self, form):
        try:
            services.adopt_version(version=self.object, **form.cleaned_data)
        except services.AlreadyAdopted:
            return self._already_adopted()
        messages.success(self.request, _("Versionen er vedtaget og kan nu læses af alle."))
        return redirect(self.object)


class VersionArchiveView(FormPageMixin, VersionObjectMixin, GuardedObjectMixin, TemplateView):
    permission_required = "policies.archive_policyversion"
    template_name = "policies/version_archive.html"

    def post(self, request, *args, **kwargs):
        services.archive_version(version=self.object)
        messages.success(request, _("Versionen er arkiveret."))
        return redirect(self.object)


class VersionReviseView(FormPageMixin, VersionObjectMixin, GuardedObjectMixin, TemplateView):
    permission_required = "policies.revise_policyversion"
    template_name = "policies/version_revise.html"

    def post(self, request, *args, **kwargs):
        draft = services.start_revision(version=self.object)
        if draft.created:
            messages.success(
                request,
                _(
                    "Version %(number)s er oprettet som kladde. Den vedtagne version gælder, indtil kladden vedtages."
                )
                % {"number": draft.number},
            )
        else:
            messages.info(
                request,
                _(
                    "Version %(number)s findes allerede som kladde. Du kan arbejde videre på den her."
                )
                % {"number": draft.number},
            )
        return redirect("policies:version_edit", pk=draft.pk)
