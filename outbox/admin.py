from django.contrib import admin

from core.admin import ReadOnlyAdminMixin
from outbox.models import Message


@admin.register(Message)
class MessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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
