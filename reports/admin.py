from django.contrib import admin

from reports.models import FocusAreaNarrative, Rendition, ReportAttachment, StatusReport


class NarrativeInline(admin.StackedInline):
    model = FocusAreaNarrative
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = ReportAttachment
    extra = 0


@admin.register(StatusReport)
class StatusReportAdmin(admin.ModelAdmin):
    list_display = ["title", "period", "version", "status", "published_at"]
    list_filter = ["status", "committee"]
    search_fields = ["title", "period"]
    inlines = [NarrativeInline, AttachmentInline]
    readonly_fields = ["published_rendition", "published_at", "published_by"]


@admin.register(Rendition)
class RenditionAdmin(admin.ModelAdmin):
    list_display = ["report", "status", "queued_at", "finished_at", "page_count", "attempts"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in Rendition._meta.fields]
