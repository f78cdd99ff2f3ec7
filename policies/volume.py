"""The involvement policy (an archived, an adopted and a draft version), goals and updates."""

from datetime import date, timedelta

from policies import builders
from policies.models import (
    GoalStatus,
    GoalUpdate,
    InvolvementLevel,
    Policy,
    PolicyVersion,
    UnitGoal,
    UpdateChannel,
)

GOAL_TITLES = [
    "Beboerne planlægger årets aktiviteter",
    "Brugerrådet høres om budgettet",
    "Pårørende inviteres til dialogmøder",
    "Brugerundersøgelse hvert år",
    "Husmøder hver måned",
    "Brugerne vælger selv kostordning",
    "Fælles evaluering af indsatsen",
    "Brugerrepræsentant i ansættelsesudvalget",
]
DONE = [
    "Vi holdt husmøde, hvor beboerne prioriterede ønskerne for efteråret.",
    "Brugerrådet gennemgik udkastet og kom med tre ændringsforslag.",
    "Spørgeskemaet blev besvaret af to tredjedele af brugerne.",
    "Pårørende deltog i en temaaften om hverdagen på tilbuddet.",
]
CHANGED = [
    "Åbningstiderne blev udvidet om aftenen.",
    "Menuen ændres fra næste måned.",
    "",
    "Ledelsen følger op på forslagene på næste møde.",
]


def generate(ctx):
    rng = ctx.rng
    committee = ctx.objects["committees"][0]
    policy = Policy.objects.create()
    year = ctx.today.year
    text = "Brugerne skal have reel indflydelse på de tilbud, de bruger."
    versions = ctx.bulk(
        PolicyVersion,
        [
            builders.policy_version(
                policy=policy,
                number=number,
                status=status,
                title=f"Politik for brugerinddragelse ({ctx.label})",
                summary=text,
                why=text,
                purpose=text,
                vision=text,
                unit_duties=text,
                user_rights=text,
                in_practice=text,
                adopting_body=PolicyVersion.AdoptingBody.COMMITTEE if adopted else "",
                committee=committee if adopted else None,
                adopted_on=adopted,
                archived_on=date(year - 1, 1, 1)
                if status == PolicyVersion.Status.ARCHIVED
                else None,
            )
            for number, status, adopted in [
                (1, PolicyVersion.Status.ARCHIVED, date(year - 5, 3, 1)),
                (2, PolicyVersion.Status.ADOPTED, date(year - 1, 1, 1)),
                (3, PolicyVersion.Status.DRAFT, None),
            ]
        ],
    )
    archived, adopted, draft = versions
    ctx.objects["policy_versions"] = versions

    units, areas = ctx.objects["units"], ctx.objects["focus_areas"]
    levels, statuses = list(InvolvementLevel), list(GoalStatus)
    goals = []
    for unit, share in zip(units, ctx.split(ctx.count("goals"), len(units)), strict=True):
        for _ in range(share):
            goal_year = year - rng.choice([0, 0, 1, 2])
            version = adopted if goal_year >= year - 1 else archived
            if rng.random() < 0.05:
                version = draft
            goals.append(
                builders.unit_goal(
                    unit=unit,
                    year=goal_year,
                    policy=version,
                    focus_area=rng.choice(areas),
                    title=rng.choice(GOAL_TITLES),
                    involved_in="Planlægning af hverdagen og aktiviteterne.",
                    organisation="Husmøder og et brugerråd med valgte repræsentanter.",
                    level=rng.choice(levels),
                    primary_users="Beboerne på tilbuddet.",
                    secondary_users="Pårørende." if rng.random() < 0.5 else "",
                    indicator="Antal møder og deltagere.",
                    target="Mindst fire møder om året.",
                    deadline=date(goal_year, 12, 31),
                    status=rng.choice(statuses),
                )
            )
    goals = ctx.bulk(UnitGoal, goals, "goals")
    ctx.objects["goals"] = goals

    users, channels = ctx.objects["users"], list(UpdateChannel)
    updates = [
        builders.goal_update(
            goal=goal,
            date=min(date(goal.year, 1, 15) + timedelta(days=rng.randint(0, 340)), ctx.today),
            channel=rng.choice(channels),
            participants="Brugerrådet og to pårørende",
            what_was_done=rng.choice(DONE),
            what_changed=rng.choice(CHANGED),
            author=rng.choice(users),
        )
        for goal, share in zip(goals, ctx.split(ctx.count("goal_updates"), len(goals)), strict=True)
        for _ in range(share)
    ]
    ctx.bulk(GoalUpdate, updates, "goal_updates")
