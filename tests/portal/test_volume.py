from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from accounts.models import User
from actionplans.models import ActionPlan, Initiative
from core.volume import SPEC, generate, scaled
from councils.models import AgendaItem, Comment, Council, Meeting, Membership
from organisation.models import Unit
from policies.models import GoalUpdate, UnitGoal
from reports.models import StatusReport

MODELS = {
    "users": User,
    "units": Unit,
    "councils": Council,
    "meetings": Meeting,
    "agenda_items": AgendaItem,
    "comments": Comment,
    "goals": UnitGoal,
    "goal_updates": GoalUpdate,
    "action_plans": ActionPlan,
    "initiatives": Initiative,
    "reports": StatusReport,
}
TODAY = date(2030, 6, 15)


def test_spec_at_scale_one_is_the_issues_municipality():
    assert SPEC == {
        "users": 1000,
        "units": 300,
        "councils": 50,
        "meetings": 2000,
        "agenda_items": 20000,
        "comments": 100000,
        "goals": 3000,
        "goal_updates": 10000,
        "action_plans": 40,
        "initiatives": 400,
        "reports": 20,
    }


def test_scaled_rounds_half_up_and_never_to_zero():
    assert scaled(50, 0.05) == 3
    assert scaled(20, 0.01) == 1
    assert scaled(2000, 0.5) == 1000


@pytest.mark.parametrize("scale", [0.01, 0.03])
def test_counts_match_the_spec_times_the_scale(db, scale):
    before = {name: model.objects.count() for name, model in MODELS.items()}
    call_command("generate_volume", "--scale", str(scale), "--seed", "3", stdout=StringIO())
    made = {name: model.objects.count() - before[name] for name, model in MODELS.items()}
    assert made == {name: scaled(SPEC[name], scale) for name in MODELS}


def test_generated_data_hangs_together(db):
    ctx = generate(scale=0.02, seed=5, today=TODAY)
    council_ids = {council.pk for council in ctx.objects["councils"]}
    members = Membership.objects.filter(council_id__in=council_ids)
    assert members.exists()
    # Comment authors sit in the council whose agenda they comment on.
    for comment in Comment.objects.filter(item__meeting__council_id__in=council_ids)[:200]:
        assert members.filter(
            council_id=comment.item.meeting.council_id, user_id=comment.author_id
        ).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    numbers = list(
        AgendaItem.objects.filter(meeting=ctx.objects["meetings"][0]).values_list(
            "number", flat=True
        )
    )
    assert numbers == list(range(1, len(numbers) + 1))
    assert Meeting.objects.filter(starts_at__date__gt=TODAY).exists()
    assert StatusReport.objects.published().filter(published_rendition__isnull=False).exists()
    letters = Initiative.objects.filter(plan=ctx.objects["action_plans"][0]).order_by("number")
    assert [i.letter for i in letters][:3] == ["A", "B", "C"][: letters.count()]


def _snapshot():
    return {
        "meetings": list(Meeting.objects.order_by("pk").values_list("starts_at", "status")),
        "items": list(AgendaItem.objects.order_by("pk").values_list("number", "title", "kind")),
        "comments": list(
            Comment.objects.order_by("pk").values_list(
                "item__number", "text", "created_at", "parent__text"
            )
        ),
        "goals": list(UnitGoal.objects.order_by("pk").values_list("year", "title", "level")),
        "users": list(User.objects.order_by("pk").values_list("email", "full_name")),
    }


def test_the_same_seed_gives_the_same_municipality(db):
    snapshots = []
    for _ in range(2):
        with transaction.atomic():
            generate(scale=0.01, seed=11, today=TODAY)
            snapshots.append(_snapshot())
            transaction.set_rollback(True)
    assert snapshots[0] == snapshots[1]
    assert snapshots[0]["comments"]


def test_a_seed_cannot_be_generated_twice_in_one_database(db):
    call_command("generate_volume", "--scale", "0.01", "--seed", "2", stdout=StringIO())
    with pytest.raises(CommandError, match="already been generated"):
        call_command("generate_volume", "--scale", "0.01", "--seed", "2", stdout=StringIO())
