from django.contrib import admin

from audit.models import AccessLog
from core.admin import ReadOnlyAdminMixin


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: administrators look, nobody edits; retention alone removes entries."""

    list_display = ["at", "actor", "action", "object_type", "object_id", "object_repr"]
    list_filter = ["action", "object_type", ("actor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["object_id", "actor__full_name", "actor__email"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
