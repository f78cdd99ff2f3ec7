"""The GET filters shared by the goal list, the overview and the CSV export."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import QuickSelect
from organisation.models import FocusArea, Unit
from organisation.roles import staffed_unit_ids
from policies.models import GoalStatus, InvolvementLevel, PolicyVersion, UnitGoal


class GoalFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("År"), required=False, coerce=int, empty_value=None)
    focus_area = forms.ModelChoiceField(
        label=_("Fokusområde"),
        queryset=FocusArea.objects.all(),
        required=False,
        empty_label=_("Alle fokusområder"),
    )
    unit = forms.ModelChoiceField(
        label=_("Enhed"),
        queryset=Unit.objects.all(),
        required=False,
        empty_label=_("Alle enheder"),
        widget=QuickSelect,
    )
    policy = forms.TypedChoiceField(
        label=_("Politik"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statusser")), *GoalStatus.choices],
    )
    level = forms.ChoiceField(
        label=_("Trin"),
        required=False,
        choices=[("", _("Alle trin")), *InvolvementLevel.choices],
    )
    mine = forms.BooleanField(label=_("Kun mine enheder"), required=False)

    def __init__(self, data, *, user, goals, with_status_and_level=True):
        super().__init__(data)
        self.user = user
        years = goals.order_by("-year").values_list("year", flat=True).distinct()
        self.fields["year"].choices = [("", _("Alle år")), *((y, y) for y in years)]
        self.fields["policy"].choices = [("", _("Alle politikker")), *_policy_choices(user)]
        if not with_status_and_level:
            del self.fields["status"]
            del self.fields["level"]
        if not staffed_unit_ids(user):
            del self.fields["mine"]

    def filter(self, goals):
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "", False)}
        if "year" in data:
            goals = goals.filter(year=data["year"])
        if "focus_area" in data:
            goals = goals.filter(focus_area=data["focus_area"])
        if "unit" in data:
            goals = goals.filter(unit=data["unit"])
        if "policy" in data:
            goals = goals.filter(policy__policy_id=data["policy"])
        if "status" in data:
            goals = goals.filter(status=data["status"])
        if "level" in data:
            goals = goals.filter(level=data["level"])
        if data.get("mine"):
            goals = goals.filter(unit_id__in=staffed_unit_ids(self.user))
        return goals

    @property
    def is_filtered(self):
        return any(v not in (None, "", False) for v in getattr(self, "cleaned_data", {}).values())


def _policy_choices(user):
    """(policy id, title of its newest visible version), in one query."""
    titles = {}
    versions = (
        PolicyVersion.objects.visible_to(user)
        .order_by("policy_id", "-number")
        .values_list("policy_id", "title")
    )
    for policy_id, title in versions:
        titles.setdefault(policy_id, title)
    return sorted(titles.items(), key=lambda item: item[1])


def filtered_goals(request, *, with_status_and_level=True):
    goals = UnitGoal.objects.visible_to(request.user)
    form = GoalFilterForm(
        request.GET or None,
        user=request.user,
        goals=goals,
        with_status_and_level=with_status_and_level,
    )
    if form.is_bound:
        goals = form.filter(goals)
    return form, goals
