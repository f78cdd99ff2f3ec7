from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from policies import services
from policies.forms import AdoptForm, PolicyVersionForm
from policies.history import version_history
from policies.models import PolicyVersion, UnitGoal, ladder
from policies.views.common import paginate, require


def policy_list(request):
    versions = (
        PolicyVersion.objects.visible_to(request.user)
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
    return render(
        request,
        "policies/policy_list.html",
        {
            "page_obj": paginate(request, rows),
            "can_add": request.user.has_perm("policies.add_policy"),
            "ladder": ladder(),
        },
    )


def _current(versions):
    """The version to show for a policy: the adopted one, else the newest visible one."""
    for version in versions:
        if version.status == PolicyVersion.Status.ADOPTED:
            return version
    return versions[0]


def policy_detail(request, pk):
    versions = list(
        PolicyVersion.objects.visible_to(request.user)
        .filter(policy_id=pk)
        .select_related("committee")
        .order_by("-number")
    )
    if not versions:
        raise Http404
    return _render_version(request, _current(versions), versions)


def version_detail(request, pk):
    version = get_object_or_404(
        PolicyVersion.objects.visible_to(request.user).select_related("committee"), pk=pk
    )
    versions = list(
        PolicyVersion.objects.visible_to(request.user)
        .filter(policy_id=version.policy_id)
        .select_related("committee")
        .order_by("-number")
    )
    return _render_version(request, version, versions)


def _render_version(request, version, versions):
    user = request.user
    draft = next((v for v in versions if v.is_draft), None)
    return render(
        request,
        "policies/policy_detail.html",
        {
            "version": version,
            "versions": versions,
            "draft": draft,
            "sections": [(h, text) for h, text in version.sections() if text.strip()],
            "ladder": ladder(),
            "history": version_history(request, version),
            "goal_count": UnitGoal.objects.visible_to(user)
            .filter(policy__policy_id=version.policy_id)
            .count(),
            "can_edit": user.has_perm("policies.change_policyversion", version),
            "can_adopt": user.has_perm("policies.adopt_policyversion", version),
            "can_archive": user.has_perm("policies.archive_policyversion", version),
            "can_revise": user.has_perm("policies.revise_policyversion", version),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def policy_create(request):
    require(request.user, "policies.add_policy")
    form = PolicyVersionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = services.create_policy(version=form.instance, user=request.user)
        messages.success(request, _("Politikken er oprettet som kladde."))
        return redirect(version)
    return render(request, "policies/version_form.html", {"form": form, "version": None})


def _version_for_admin(request, pk):
    return get_object_or_404(
        PolicyVersion.objects.visible_to(request.user).select_related("committee"), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def version_edit(request, pk):
    version = _version_for_admin(request, pk)
    require(request.user, "policies.change_policyversion", version)
    form = PolicyVersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        form.instance._history_user = request.user
        form.save()
        messages.success(request, _("Kladden er gemt."))
        return redirect(version)
    return render(request, "policies/version_form.html", {"form": form, "version": version})


@login_required
@require_http_methods(["GET", "POST"])
def version_adopt(request, pk):
    version = _version_for_admin(request, pk)
    if version.status != PolicyVersion.Status.DRAFT and request.user.has_perm(
        "policies.add_policy"
    ):
        return _already_adopted(request, version)
    require(request.user, "policies.adopt_policyversion", version)
    form = AdoptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.adopt_version(version=version, user=request.user, **form.cleaned_data)
        except services.AlreadyAdopted:
            return _already_adopted(request, version)
        messages.success(request, _("Versionen er vedtaget og kan nu læses af alle."))
        return redirect(version)
    return render(request, "policies/version_adopt.html", {"form": form, "version": version})


def _already_adopted(request, version):
    # A second click on "Vedtag" ends on the version, not on a bare 403.
    messages.info(request, _("Versionen er allerede vedtaget."))
    return redirect(version)


@login_required
@require_http_methods(["GET", "POST"])
def version_archive(request, pk):
    version = _version_for_admin(request, pk)
    require(request.user, "policies.archive_policyversion", version)
    if request.method == "POST":
        services.archive_version(version=version, user=request.user)
        messages.success(request, _("Versionen er arkiveret."))
        return redirect(version)
    return render(request, "policies/version_archive.html", {"version": version})


@login_required
@require_http_methods(["GET", "POST"])
def version_revise(request, pk):
    version = _version_for_admin(request, pk)
    require(request.user, "policies.revise_policyversion", version)
    if request.method == "POST":
        draft = services.start_revision(version=version, user=request.user)
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
    return render(request, "policies/version_revise.html", {"version": version})
