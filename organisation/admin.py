from django.contrib import admin

from organisation.models import (
    Administration,
    Committee,
    FocusArea,
    RepresentedOrganisation,
    Unit,
    UnitStaff,
)


@admin.register(Administration)
class AdministrationAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "administration"]
    search_fields = ["name"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    list_display_links = ["name"]
    ordering = ["number"]


class UnitStaffInline(admin.TabularInline):
    model = UnitStaff
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "administration", "parent", "active"]
    list_filter = ["active", "administration", "focus_areas"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["focus_areas"]
    inlines = [UnitStaffInline]
    list_select_related = ["administration", "parent"]


@admin.register(RepresentedOrganisation)
class RepresentedOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "abbreviation"]


@admin.register(UnitStaff)
class UnitStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "title"]
    list_filter = ["unit"]
    autocomplete_fields = ["user", "unit"]
    list_select_related = ["user", "unit"]
