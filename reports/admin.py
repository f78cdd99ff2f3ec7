from django.contrib import admin

from core.admin import RulesAdminMixin, RulesInlineMixin
from reports.models import FocusAreaNarrative, Rendition, ReportAttachment, StatusReport


class NarrativeInline(RulesInlineMixin, admin.StackedInline):
    model = FocusAreaNarrative
    extra = 0


class AttachmentInline(RulesInlineMixin, admin.TabularInline):
    model = ReportAttachment
    extra = 0


# A published report, its bilag and its texts are the record: the reports rules say so
# to the portal and to the admin alike (core.admin).
@admin.register(StatusReport)
class StatusReportAdmin(RulesAdminMixin, admin.ModelAdmin):
    list_display = ["title", "period", "version", "status", "published_at"]
    list_filter = ["status", "committee"]
    search_fields = ["title", "period"]
    inlines = [NarrativeInline, AttachmentInline]
    # Publishing goes through the portal, which renders and checks the PDF first.
    readonly_fields = ["status", "published_rendition", "published_at", "published_by"]


@admin.register(Rendition)
class RenditionAdmin(admin.ModelAdmin):
    list_display = ["report", "status", "queued_at", "finished_at", "page_count", "attempts"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in Rendition._meta.fields]
