from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import AdminUserCreationForm
from accounts.models import User
from accounts.services import invite_user


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = AdminUserCreationForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "is_administrator", "is_active", "last_login"]
    list_filter = ["is_administrator", "is_active"]
    search_fields = ["full_name", "email"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        (_("Roller"), {"fields": ["is_administrator", "is_active"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "is_administrator"]})
    ]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["send_invitation"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            invite_user(user=obj)
            messages.info(request, _("Invitationen er sendt til %(email)s.") % {"email": obj.email})

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
