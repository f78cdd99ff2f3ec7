"""The demo's policy (seed 001) and unit goals (policies/demo.toml)."""

from core.demo import demo_data, ensure
from organisation.models import FocusArea
from policies import builders
from policies.models import GoalUpdate, PolicyVersion, UnitGoal

TITLE = demo_data("policies")["policy"]["title"]


def load(ctx):
    data = demo_data("policies")
    versions = _policy(ctx, data["policy"])
    ctx.objects["policy"] = versions[-1]
    areas = {area.number: area for area in FocusArea.objects.all()}
    for row in data["goals"]:
        author = ctx.users[row["author"]]
        unit = ctx.units[row["unit"]]
        goal, _ = ensure(
            UnitGoal,
            {"unit": unit, "year": row["year"], "title": row["title"]},
            history_user=author,
            # The goals were set under the first version, the one in force then.
            policy=versions[0],
            focus_area=areas[row["focus_area"]],
            **ctx.fields(
                UnitGoal,
                row,
                skip={"unit", "year", "title", "focus_area", "author", "updates"},
            ),
        )
        for update in row.get("updates", []):
            ensure(
                GoalUpdate,
                {"goal": goal, "date": update["date"], "channel": update["channel"]},
                history_user=author,
                author=author,
                **ctx.fields(GoalUpdate, update, skip={"date", "channel"}),
            )


def _policy(ctx, data):
    """The versions in number order; the policy itself is made with the first."""
    administrator = ctx.users["administrator"]
    first = PolicyVersion.objects.filter(title=data["title"], number=1).first()
    policy = first.policy if first else builders.policy()
    if first is None:
        policy.save()
    versions = []
    for row in data["versions"]:
        fields = ctx.fields(PolicyVersion, row, skip={"number", "committee"})
        if row.get("committee"):
            fields["committee"] = ctx.objects["committee"]
        version, _ = ensure(
            PolicyVersion,
            {"policy": policy, "number": row["number"]},
            history_user=administrator,
            title=data["title"],
            summary=data["summary"],
            **data["sections"],
            **fields,
        )
        versions.append(version)
    return versions
