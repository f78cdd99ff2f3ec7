from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import RulesAdminMixin, RulesInlineMixin
from councils.models import (
    AgendaItem,
    AgendaNotification,
    Attendance,
    CalendarToken,
    Comment,
    Council,
    Meeting,
    Membership,
    Response,
    SeatRule,
    Statement,
)
from councils.rules import agenda_is_open


class SeatRuleInline(admin.TabularInline):
    model = SeatRule
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "council"
    extra = 0
    autocomplete_fields = ["user"]
    raw_id_fields = ["substitute_for"]
    # Only the member consents to being named in public (ListingConsentView).
    readonly_fields = ["listed_publicly"]


@admin.register(Council)
class CouncilAdmin(RulesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "unit", "administration", "meetings_public"]
    list_filter = ["kind", "meetings_public"]
    search_fields = ["name"]
    inlines = [SeatRuleInline, MembershipInline]


@admin.register(Membership)
class MembershipAdmin(RulesAdminMixin, SimpleHistoryAdmin):
    list_display = ["user", "council", "seat_type", "organisation", "start", "end"]
    list_filter = ["council", "seat_type"]
    search_fields = ["user__full_name", "user__email", "council__name"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["substitute_for"]
    # Many members use addiction or psychiatric services: only the member may
    # consent to being named in public, on their own page (ListingConsentView).
    readonly_fields = ["listed_publicly"]


# The admin honours the same lock as the portal once the minutes are approved: the inlines
# and admins below ask the councils rules (core.admin), given the meeting.
class AgendaItemInline(RulesInlineMixin, admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ["number", "title", "kind", "first_put_on"]


class AttendanceInline(RulesInlineMixin, admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["membership", "status"]
    raw_id_fields = ["membership"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("membership__user")


@admin.register(Meeting)
class MeetingAdmin(RulesAdminMixin, SimpleHistoryAdmin):
    list_display = ["council", "title", "starts_at", "status"]
    list_filter = ["council", "status"]
    date_hierarchy = "starts_at"
    list_select_related = ["council"]
    inlines = [AgendaItemInline, AttendanceInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["item", "author", "created_at", "hidden_at"]
    list_filter = ["item__meeting__council"]
    # A comment is the member's own words: nobody writes or rewrites them here. Moderation
    # is hiding with a reason, in the portal, where the member can see that it happened.
    # A hidden comment's text is shown nowhere but CommentHiddenTextView: here it is blanked.
    fields = readonly_fields = [
        "item",
        "parent",
        "author",
        "shown_text",
        "created_at",
        "edited_at",
        "hidden_by",
        "hidden_at",
        "hidden_reason",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Moderation is hiding, in the portal, visible to the member and kept in the record;
        # a deletion here would leave no trace. Retention removes comments when it is due.
        return False

    @admin.display(description=_("kommentar"))
    def shown_text(self, comment):
        if comment.is_hidden:
            return _("[skjult – kan læses under »Vis skjult tekst« på dagsordenen]")
        return comment.text


class StatementAdminForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = ["item", "text", "given_on", "recorded_by"]

    def clean_item(self):
        item = self.cleaned_data["item"]
        if item is not None and not agenda_is_open(None, item):
            raise forms.ValidationError(
                _(
                    "Referatet for dette møde er godkendt, så dagsordenen er låst. "
                    "Rådets udtalelse kan ikke længere tilføjes."
                )
            )
        return item


@admin.register(Statement)
class StatementAdmin(RulesAdminMixin, admin.ModelAdmin):
    form = StatementAdminForm
    list_display = ["item", "given_on"]
    raw_id_fields = ["item"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["statement", "outcome", "answered_on", "decided_on"]
    list_filter = ["outcome"]


@admin.register(AgendaNotification)
class AgendaNotificationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "user", "sent_at"]
    list_filter = ["meeting__council"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request):
        return False
