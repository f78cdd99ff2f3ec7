"""Action plans through the committee, with lettered initiatives, updates and links."""

from datetime import timedelta
from decimal import Decimal

from actionplans import builders
from actionplans.letters import number_to_letter
from actionplans.models import (
    ActionPlan,
    Initiative,
    InitiativeUpdate,
    Recommender,
    StatusChange,
)

PLAN_TOPICS = [
    "Handicapplanen",
    "Psykiatriplanen",
    "Hjemløsestrategien",
    "Ældrepolitikken",
    "Misbrugsplanen",
]
INITIATIVES = [
    "Flere brugerrådsmøder",
    "Uddannelse af brugerrepræsentanter",
    "Pårørendecafé",
    "Digital dialog med brugerne",
    "Peer-støtte på bostederne",
    "Fælles aktivitetskalender",
    "Brugerdrevet evaluering",
]


def generate(ctx):
    rng = ctx.rng
    committees = ctx.objects["committees"]
    recommenders = ctx.bulk(
        Recommender,
        [
            builders.recommender(title=f"{title} ({ctx.label})", order=order)
            for order, title in enumerate(["Socialdirektøren", "Sundhedsdirektøren"])
        ],
    )
    statuses = [ActionPlan.Status.APPROVED] * 6 + [
        ActionPlan.Status.SUBMITTED,
        ActionPlan.Status.DRAFT,
        ActionPlan.Status.RETURNED,
        ActionPlan.Status.REJECTED,
    ]
    plans = []
    for number in range(1, ctx.count("action_plans") + 1):
        status = rng.choice(statuses)
        decided = status in ActionPlan.Status.decided()
        committee = rng.choice(committees)
        topic = rng.choice(PLAN_TOPICS)
        plans.append(
            builders.action_plan(
                title=f"Handleplan {number} for {topic.lower()} ({ctx.label})",
                case_number=f"{ctx.today.year - rng.randint(0, 4)}-{rng.randint(1000, 999999)}",
                committee=committee,
                administration=committee.administration,
                related_plan=topic,
                problem="Brugerne oplever, at de bliver hørt for sent i processen.",
                solution="Brugerrådene inddrages, før forslagene sendes til udvalget.",
                effect="Bedre beslutninger og større tilfredshed.",
                economy="Finansieres inden for den eksisterende ramme.",
                next_steps="Planen evalueres efter et år.",
                status=status,
                decision_date=ctx.today - timedelta(days=rng.randint(1, 1500)) if decided else None,
                decision_text="Udvalget godkendte indstillingen." if decided else "",
            )
        )
    plans = ctx.bulk(ActionPlan, plans, "action_plans")
    ctx.objects["action_plans"] = plans
    through = ActionPlan.recommenders.through
    ctx.bulk(
        through,
        [
            through(actionplan_id=plan.pk, recommender_id=rng.choice(recommenders).pk)
            for plan in plans
        ],
    )
    ctx.bulk(
        StatusChange,
        [
            builders.status_change(
                plan=plan,
                from_status=ActionPlan.Status.SUBMITTED,
                to_status=plan.status,
                decision_date=plan.decision_date,
                decision_text=plan.decision_text,
                changed_at=ctx.moment((plan.decision_date - ctx.today).days, hour=12),
            )
            for plan in plans
            if plan.decision_date
        ],
    )

    units, areas = ctx.objects["units"], ctx.objects["focus_areas"]
    funding = list(Initiative.Funding)
    initiatives = []
    for plan, share in zip(plans, ctx.split(ctx.count("initiatives"), len(plans)), strict=True):
        for number in range(1, share + 1):
            kind = rng.choice(funding)
            initiatives.append(
                builders.initiative(
                    plan=plan,
                    letter=number_to_letter(number),
                    title=rng.choice(INITIATIVES),
                    description="Initiativet styrker brugernes stemme i hverdagen.",
                    focus_area=rng.choice(areas),
                    responsible_unit=rng.choice(units),
                    funding=kind,
                    fund_name="ABT-fonden" if kind == Initiative.Funding.EXTERNAL else "",
                    cost=Decimal(rng.randrange(0, 2_000_000, 5000)),
                    budget_year=ctx.today.year - rng.randint(0, 2),
                    status=rng.choice(list(Initiative.Status)),
                )
            )
        plan.last_letter_number = share
    initiatives = ctx.bulk(Initiative, initiatives, "initiatives")
    ActionPlan.objects.bulk_update(plans, ["last_letter_number"], batch_size=500)

    users = ctx.objects["users"]
    ctx.bulk(
        InitiativeUpdate,
        [
            builders.initiative_update(
                initiative=initiative,
                date=ctx.today - timedelta(days=rng.randint(0, 700)),
                text="Arbejdet skrider frem som planlagt.",
                author=rng.choice(users),
            )
            for initiative in initiatives
            for _ in range(rng.randint(0, 3))
        ],
    )
    goals, items = ctx.objects["goals"], ctx.objects["agenda_items"]
    goal_links, item_links = Initiative.unit_goals.through, Initiative.agenda_items.through
    ctx.bulk(
        goal_links,
        [
            goal_links(initiative_id=initiative.pk, unitgoal_id=goal.pk)
            for initiative in initiatives
            for goal in rng.sample(goals, min(len(goals), rng.randint(0, 2)))
        ],
    )
    ctx.bulk(
        item_links,
        [
            item_links(initiative_id=initiative.pk, agendaitem_id=item.pk)
            for initiative in initiatives
            for item in rng.sample(items, min(len(items), rng.randint(0, 2)))
        ],
    )
