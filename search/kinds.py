"""The searchable kinds. Each reads through its model's ``visible_to(user)``."""

from django.db.models import Q
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_administrator
from actionplans.models import ActionPlan, Initiative
from councils.models import AgendaItem, Comment, Council, Meeting, MeetingStatus
from councils.roles import secretary_council_ids
from policies.models import GoalUpdate, PolicyVersion, UnitGoal
from reports.models import StatusReport
from search.registry import Kind, register

DRAFT = {"draft": _("kladde")}


def _url(name, *args):
    return reverse(name, args=args)


def _minutes(user):
    meetings = Meeting.objects.visible_to(user).exclude(minutes="")
    if is_administrator(user):
        return meetings
    # The meeting page shows minutes once approved, before that only to those who manage it.
    return meetings.filter(
        Q(status=MeetingStatus.MINUTES_APPROVED) | Q(council_id__in=secretary_council_ids(user))
    )


def _comments(user):
    # Hidden comments are replaced by a note on the meeting page: never found, by anyone.
    return Comment.objects.visible_to(user).filter(hidden_at__isnull=True)


register(
    Kind(
        key="item",
        label=_("Dagsordenspunkt"),
        model=AgendaItem,
        queryset=AgendaItem.objects.visible_to,
        weights={"A": ("title",), "B": ("recommendation", "decision"), "C": ("body",)},
        title="title",
        where="meeting__council__name",
        date=TruncDate("meeting__starts_at"),
        link_id="meeting_id",
        link=lambda row: f"{_url('councils:meeting_detail', row['s_link'])}#punkt-{row['s_id']}",
        council="meeting__council_id",
        unit="meeting__council__unit_id",
    )
)

register(
    Kind(
        key="meeting",
        label=_("Møde"),
        model=Meeting,
        queryset=Meeting.objects.visible_to,
        weights={"A": ("title",), "C": ("location",)},
        title="title",
        where="council__name",
        date=TruncDate("starts_at"),
        link=lambda row: _url("councils:meeting_detail", row["s_id"]),
        council="council_id",
        unit="council__unit_id",
    )
)

register(
    Kind(
        key="minutes",
        label=_("Referat"),
        model=Meeting,
        queryset=_minutes,
        weights={"B": ("minutes",)},
        title="title",
        where="council__name",
        date=TruncDate("starts_at"),
        link=lambda row: _url("councils:meeting_detail", row["s_id"]),
        council="council_id",
        unit="council__unit_id",
    )
)

register(
    Kind(
        key="council",
        label=_("Råd"),
        model=Council,
        queryset=Council.objects.visible_to,
        weights={"A": ("name",), "B": ("summary",), "C": ("mandate",)},
        title="name",
        where=Coalesce("unit__name", "administration__name"),
        date="term_start",
        link=lambda row: _url("councils:detail", row["s_id"]),
        council="pk",
        unit="unit_id",
    )
)

register(
    Kind(
        key="comment",
        label=_("Kommentar"),
        model=Comment,
        queryset=_comments,
        weights={"B": ("text",)},
        title="item__title",
        where="item__meeting__council__name",
        date=TruncDate("created_at"),
        link_id="item__meeting_id",
        link=lambda row: (
            f"{_url('councils:meeting_detail', row['s_link'])}#kommentar-{row['s_id']}"
        ),
        council="item__meeting__council_id",
        unit="item__meeting__council__unit_id",
    )
)

register(
    Kind(
        key="policy",
        label=_("Politik"),
        model=PolicyVersion,
        queryset=PolicyVersion.objects.visible_to,
        weights={
            "A": ("title",),
            "B": ("summary",),
            "C": (
                "why",
                "purpose",
                "vision",
                "unit_duties",
                "user_rights",
                "in_practice",
                "change_note",
            ),
        },
        title="title",
        where="committee__name",
        date=Coalesce("adopted_on", TruncDate("created_at")),
        link=lambda row: _url("policies:version_detail", row["s_id"]),
        status="status",
        status_labels={**DRAFT, "archived": _("arkiveret")},
    )
)

register(
    Kind(
        key="goal",
        label=_("Enhedsmål"),
        model=UnitGoal,
        queryset=UnitGoal.objects.visible_to,
        weights={
            "A": ("title",),
            "B": ("involved_in", "target"),
            "C": ("organisation", "indicator", "primary_users", "secondary_users"),
        },
        title="title",
        where="unit__name",
        date="deadline",
        link=lambda row: _url("policies:goal_detail", row["s_id"]),
        unit="unit_id",
        year="year",
        status="policy__status",
        status_labels={"draft": _("kladde til politik")},
    )
)

register(
    Kind(
        key="goal_update",
        label=_("Opfølgning på mål"),
        model=GoalUpdate,
        queryset=GoalUpdate.objects.visible_to,
        weights={"B": ("what_was_done", "what_changed"), "C": ("participants",)},
        title="goal__title",
        where="goal__unit__name",
        date="date",
        link=lambda row: _url("policies:update_detail", row["s_id"]),
        unit="goal__unit_id",
    )
)

register(
    Kind(
        key="plan",
        label=_("Handleplan"),
        model=ActionPlan,
        queryset=ActionPlan.objects.visible_to,
        weights={
            "A": ("title", "case_number"),
            "B": ("problem", "solution", "decision_text"),
            "C": ("effect", "economy", "next_steps", "related_plan"),
        },
        title="title",
        where="committee__name",
        date=Coalesce("decision_date", TruncDate("created_at")),
        link=lambda row: _url("actionplans:plan_detail", row["s_id"]),
        status="status",
        status_labels={
            **DRAFT,
            "submitted": _("indstillet"),
            "rejected": _("forkastet"),
            "returned": _("sendt tilbage"),
        },
    )
)

register(
    Kind(
        key="initiative",
        label=_("Initiativ"),
        model=Initiative,
        queryset=Initiative.objects.visible_to,
        weights={"A": ("title",), "B": ("description",), "C": ("fund_name",)},
        title="title",
        where=Coalesce("responsible_unit__name", "plan__title"),
        date=Coalesce("plan__decision_date", TruncDate("created_at")),
        link_id="plan_id",
        link_extra="letter",
        link=lambda row: reverse(
            "actionplans:initiative_detail", kwargs={"pk": row["s_link"], "letter": row["s_extra"]}
        ),
        unit="responsible_unit_id",
        status="plan__status",
        status_labels={"draft": _("kladde til handleplan")},
    )
)

register(
    Kind(
        key="report",
        label=_("Statusnotat"),
        model=StatusReport,
        queryset=StatusReport.objects.visible_to,
        weights={
            "A": ("title",),
            "B": ("background", "status_intro"),
            "C": ("method", "development_projects", "economy", "period"),
        },
        title="title",
        where="committee__name",
        date="date",
        # A draft is opened where the administrator works on it; the public sees it published.
        link=lambda row: _url(
            "reports:manage" if row["s_status"] == "draft" else "reports:published_detail",
            row["s_id"],
        ),
        status="status",
        status_labels=DRAFT,
    )
)
