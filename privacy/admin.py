"""The record of privacy actions (read-only) and the user-list actions "Anonymisér" and
"Udlevér persondata"; added to accounts' UserAdmin from here so the lifecycle stays in one app."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from accounts.admin import UserAdmin
from audit.access import log_access
from audit.models import Action
from core.admin import ReadOnlyAdminMixin
from privacy.models import PrivacyAction


@admin.register(PrivacyAction)
class PrivacyActionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "action", "target_repr", "actor", "reason"]
    list_filter = ["action"]
    search_fields = ["target_repr", "target_user_id", "target_object_id"]


def _single(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Vælg én bruger ad gangen."), messages.WARNING)
        return None
    return queryset.get()


@admin.action(description=_("Anonymisér (tidligere medlem eller medarbejder)"))
def pseudonymise_user(modeladmin, request, queryset):
    person = _single(modeladmin, request, queryset)
    if person is not None:
        return redirect("privacy:pseudonymise", pk=person.pk)
    return None


@admin.action(description=_("Udlevér persondata (Mine data som ZIP)"))
def export_personal_data(modeladmin, request, queryset):
    from privacy.views.pages import zip_response

    person = _single(modeladmin, request, queryset)
    if person is None or not request.user.has_perm("privacy.export_person"):
        return None
    log_access(request.user, Action.EXPORT_PERSONAL_DATA, type(person), person.pk)
    PrivacyAction.objects.create(
        action=PrivacyAction.Kind.EXPORT,
        actor=request.user,
        reason=str(_("Indsigtsanmodning")),
        target_user_id=person.pk,
        target_repr=f"bruger #{person.pk}",
    )
    return zip_response(person)


UserAdmin.actions = [*UserAdmin.actions, pseudonymise_user, export_personal_data]
