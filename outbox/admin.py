from django.contrib import admin

from outbox.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """A read-only view for administrators of what was sent, what waits and what failed.
    The payload (references to the content) is not shown: it is not needed to follow up."""

    list_display = ["kind", "recipient", "status", "due_at", "sent_at", "attempts", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient"]
    date_hierarchy = "created_at"
    fields = [
        "kind",
        "recipient",
        "language",
        "status",
        "created_at",
        "due_at",
        "sent_at",
        "attempts",
        "last_error",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
