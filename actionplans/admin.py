from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actionplans.models import ActionPlan, Initiative, InitiativeUpdate, Recommender, StatusChange
from core.admin import RulesAdminMixin


@admin.register(Recommender)
class RecommenderAdmin(admin.ModelAdmin):
    list_display = ["title", "order"]
    list_editable = ["order"]
    search_fields = ["title"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = [
        "from_status",
        "to_status",
        "decision_date",
        "decision_text",
        "changed_by",
        "changed_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ActionPlan)
class ActionPlanAdmin(RulesAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "case_number", "committee", "status", "decision_date"]
    list_filter = ["status", "committee"]
    search_fields = ["title", "case_number"]
    filter_horizontal = ["recommenders"]
    # The status and the committee's decision change only through the plan pages
    # (DecisionForm), which record each step; here they are never editable.
    readonly_fields = ["status", "decision_date", "decision_text"]
    inlines = [StatusChangeInline]
    list_select_related = ["committee"]


@admin.register(Initiative)
class InitiativeAdmin(RulesAdminMixin, SimpleHistoryAdmin):
    list_display = ["letter", "title", "plan", "funding", "cost", "recurrence", "status"]
    list_filter = ["funding", "status", "recurrence"]
    search_fields = ["title", "plan__title", "plan__case_number"]
    list_select_related = ["plan"]
    readonly_fields = ["plan", "letter"]
    autocomplete_fields = ["unit_goals"]
    raw_id_fields = ["agenda_items"]

    def has_add_permission(self, request):
        # New initiatives get their letter from the plan page (services.add_initiative).
        return False


@admin.register(InitiativeUpdate)
class InitiativeUpdateAdmin(admin.ModelAdmin):
    list_display = ["initiative", "date", "author"]
    list_select_related = ["initiative", "author"]
    autocomplete_fields = ["initiative"]
