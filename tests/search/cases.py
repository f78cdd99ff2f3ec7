"""One searchable thing of every kind and visibility, each carrying a word of its own.

``plant(world)`` writes a unique code word (``zqx101`` …) into a field that the
thing's own page shows, and returns the cases with the roles that may find it.
"""

from dataclasses import dataclass

from django.utils import timezone

from actionplans.models import ActionPlan, Initiative
from councils.models import AgendaItem, Comment, Council, Meeting
from policies.models import GoalUpdate, PolicyVersion, UnitGoal
from reports.models import StatusReport
from tests.councils.factories import CommentFactory
from tests.world import ROLES

EVERYONE = frozenset(ROLES)
WITH_A_ROLE = EVERYONE - {"anonymous"}
ADMIN = frozenset({"administrator"})
COUNCIL = frozenset({"member", "secretary", "administrator"})


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    token: str
    roles: frozenset


def _set(model, pk, field, value):
    model.objects.filter(pk=pk).update(**{field: value})


def plant(world) -> list[Case]:
    cases = []

    def add(name, kind, roles, model, obj, field, template="Tekst med {token} i"):
        token = f"zqx{101 + len(cases)}"
        _set(model, obj.pk, field, template.format(token=token))
        cases.append(Case(name, kind, token, frozenset(roles)))

    w = world
    add("public item", "item", EVERYONE, AgendaItem, w["public_item"], "title")
    add("members-only item", "item", COUNCIL, AgendaItem, w["item"], "title")
    add(
        "unpublished agenda's item",
        "item",
        {"secretary", "administrator"},
        AgendaItem,
        w["planned_item"],
        "title",
    )
    add("public meeting", "meeting", EVERYONE, Meeting, w["public_meeting"], "title")
    add("members-only meeting", "meeting", COUNCIL, Meeting, w["meeting"], "title")
    add("approved minutes", "minutes", COUNCIL, Meeting, w["approved_meeting"], "minutes")
    # A public council's meeting whose minutes are not approved: no secretary there.
    add("draft minutes", "minutes", ADMIN, Meeting, w["public_meeting"], "minutes")
    add("council", "council", EVERYONE, Council, w["council"], "summary")
    add("members' comment", "comment", COUNCIL, Comment, w["comment"], "text")
    add(
        "comment in a public council",
        "comment",
        {"outsider", "administrator"},
        Comment,
        w["public_comment"],
        "text",
    )
    hidden = CommentFactory(
        item=w["item"],
        author=w.users["member"],
        hidden_at=timezone.now(),
        hidden_by=w.users["secretary"],
        hidden_reason="Personfølsomt",
    )
    add("hidden comment", "comment", set(), Comment, hidden, "text")
    add("adopted policy", "policy", EVERYONE, PolicyVersion, w["policy"], "title")
    add("draft policy", "policy", ADMIN, PolicyVersion, w["draft_policy"], "title")
    add("goal", "goal", EVERYONE, UnitGoal, w["goal"], "title")
    add("draft policy's goal", "goal", WITH_A_ROLE, UnitGoal, w["draft_goal"], "title")
    add("goal update", "goal_update", EVERYONE, GoalUpdate, w["update"], "what_was_done")
    add(
        "draft policy's goal update",
        "goal_update",
        WITH_A_ROLE,
        GoalUpdate,
        w["draft_update"],
        "what_was_done",
    )
    add("approved plan", "plan", EVERYONE, ActionPlan, w["plan"], "title")
    add(
        "submitted plan",
        "plan",
        {"caseworker", "other_caseworker", "administrator"},
        ActionPlan,
        w["submitted_plan"],
        "title",
    )
    add("draft plan", "plan", ADMIN, ActionPlan, w["draft_plan"], "title")
    add("initiative", "initiative", EVERYONE, Initiative, w["initiative"], "title")
    add("draft plan's initiative", "initiative", ADMIN, Initiative, w["draft_initiative"], "title")
    add("published report", "report", EVERYONE, StatusReport, w["published_report"], "title")
    add("draft report", "report", ADMIN, StatusReport, w["draft_report"], "title")
    return cases
