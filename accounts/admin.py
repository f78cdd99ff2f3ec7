from allauth.mfa.base.internal.flows import delete_dangling_recovery_codes
from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_oidc import LinkedLoginInline, login_methods, provider_choices
from accounts.forms import AdminUserCreationForm
from accounts.models import User, history_references
from accounts.services import invite_user, notify_email_changed


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    add_form = AdminUserCreationForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "is_administrator", "is_active", "last_login"]
    list_filter = ["is_administrator", "is_active"]
    search_fields = ["full_name", "email"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        (_("Roller"), {"fields": ["is_administrator", "is_active"]}),
        (_("Loginmetoder"), {"fields": ["login_methods"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "is_administrator"]})
    ]
    readonly_fields = ["last_login", "date_joined", "login_methods"]
    history_list_display = ["email", "full_name", "is_administrator", "is_active"]
    actions = ["send_invitation"]

    def get_inlines(self, request, obj):
        # "Tilknyt login" only where a provider is configured and the user exists.
        return [LinkedLoginInline] if obj is not None and provider_choices() else []

    @admin.display(description=_("Loginmetoder"))
    def login_methods(self, obj):
        return login_methods(obj)

    def revert_disabled(self, request, obj=None):
        return True

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for user in objs:
            for entry in history_references(user):
                protected.append(
                    _("%(user)s står i ændringshistorikken for %(what)s")
                    % {"user": user, "what": entry.instance_type._meta.verbose_name_plural}
                )
        return to_delete, model_count, perms_needed, protected

    def save_model(self, request, obj, form, change):
        match = request.resolver_match
        if match and match.url_name.endswith("_simple_history"):
            # Reverting would change the login e-mail or the role around the checks below
            # (notifications, ended sessions); the history is for reading only.
            raise PermissionDenied
        old_email = form.initial.get("email") if change else None
        super().save_model(request, obj, form, change)
        if obj.pk == request.user.pk:
            # Removing one's own role ends one's other sessions, not this one.
            update_session_auth_hash(request, obj)
        if not change:
            invite_user(user=obj)
            messages.info(request, _("Invitationen er sendt til %(email)s.") % {"email": obj.email})
        elif old_email and old_email.lower() != obj.email:
            notify_email_changed(user=obj, old_email=old_email)
            messages.info(
                request,
                _("Både %(old)s og %(new)s har fået besked om den nye login-e-mail.")
                % {"old": old_email, "new": obj.email},
            )

    @admin.action(description=_("Send invitation (link til at vælge adgangskode)"))
    def send_invitation(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True):
            invite_user(user=user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation sendt.", "%(count)d invitationer sendt.", count)
            % {"count": count},
        )


# allauth's own admin shows and edits the TOTP secret and the recovery-code seed.
if admin.site.is_registered(Authenticator):
    admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    """Second factors, without their secrets. Deleting a user's authenticator resets their
    two-factor authentication (a lost phone): they set it up again at the next login."""

    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__full_name", "user__email"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields
    list_select_related = ["user"]
    change_list_template = "admin/accounts/authenticator_change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        # One at a time, through the delete page, which asks for a fresh second factor.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        delete_dangling_recovery_codes(obj.user)

    def delete_queryset(self, request, queryset):
        users = {authenticator.user for authenticator in queryset.select_related("user")}
        super().delete_queryset(request, queryset)
        for user in users:
            delete_dangling_recovery_codes(user)
