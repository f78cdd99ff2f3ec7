"""Read access in the Django admin; edits go through the portal's own pages.

The portal's pages keep the rules the admin would bypass: adopted policy
versions are frozen, and goals are saved with optimistic locking. What the
admin may do (delete a draft version) it asks the policies rules about, as the
portal does (core.admin); that also refuses a posted "revert" of a version.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin, RulesAdminMixin, allowed
from policies.models import GoalUpdate, GoalUpdateAttachment, PolicyVersion, UnitGoal


class ReadOnlyAdmin(ReadOnlyAdminMixin, RulesAdminMixin, SimpleHistoryAdmin):
    """Written through the portal's own pages (versions, goals, updates), looked at here."""


@admin.register(PolicyVersion)
class PolicyVersionAdmin(ReadOnlyAdmin):
    list_display = ["title", "number", "status", "adopting_body", "committee", "adopted_on"]
    list_filter = ["status"]
    search_fields = ["title"]
    list_select_related = ["committee"]

    def has_delete_permission(self, request, obj=None):
        # A draft created by mistake may go; adopted and archived versions are the record.
        return allowed(request, self.opts, "delete", obj)


@admin.register(UnitGoal)
class UnitGoalAdmin(ReadOnlyAdmin):
    list_display = ["title", "unit", "year", "focus_area", "level", "status"]
    list_filter = ["year", "status", "level", "focus_area"]
    search_fields = ["title", "unit__name"]
    list_select_related = ["unit", "focus_area"]


class AttachmentInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = GoalUpdateAttachment
    fields = ["original_name", "size", "uploaded_by", "created_at"]
    readonly_fields = fields
    extra = 0


@admin.register(GoalUpdate)
class GoalUpdateAdmin(ReadOnlyAdmin):
    list_display = ["goal", "date", "channel", "author"]
    list_filter = ["channel"]
    list_select_related = ["goal__unit", "author"]
    inlines = [AttachmentInline]
