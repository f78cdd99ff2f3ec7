"""Builders for policies (see core/builders.py)."""

import datetime

from core.builders import build, builds
from policies.models import (
    GoalStatus,
    GoalUpdate,
    GoalUpdateAttachment,
    InvolvementLevel,
    Policy,
    PolicyVersion,
    UnitGoal,
    UpdateChannel,
)


@builds(Policy)
def policy(**fields) -> Policy:
    return build(Policy, fields)


@builds(PolicyVersion)
def policy_version(**fields) -> PolicyVersion:
    """Needs ``policy`` and ``title``; version 1, a draft unless ``status`` says otherwise."""
    return build(PolicyVersion, fields, number=1)


@builds(UnitGoal)
def unit_goal(**fields) -> UnitGoal:
    """Needs ``unit``, ``year``, ``policy``, ``focus_area`` and ``title``; due at the year's end."""
    built = build(
        UnitGoal,
        fields,
        involved_in="Prioritering af temaer i virksomhedsplanen.",
        organisation="To møder om året i brugerrådet.",
        level=InvolvementLevel.INVOLVEMENT,
        primary_users="Brugerne af tilbuddet.",
        indicator="Antal møder med brugerrådet.",
        target="Mindst to møder.",
        status=GoalStatus.NOT_STARTED,
    )
    if "deadline" not in fields and built.year:
        built.deadline = datetime.date(built.year, 12, 31)
    return built


@builds(GoalUpdate)
def goal_update(**fields) -> GoalUpdate:
    """Needs ``goal``, ``date`` and ``author``."""
    return build(
        GoalUpdate,
        fields,
        channel=UpdateChannel.USER_COUNCIL,
        what_was_done="Brugerrådet drøftede virksomhedsplanen.",
    )


@builds(GoalUpdateAttachment)
def goal_update_attachment(**fields) -> GoalUpdateAttachment:
    """Needs ``update``; give ``file`` (a ContentFile) and its ``original_name``."""
    built = build(GoalUpdateAttachment, fields)
    if "size" not in fields and built.file:
        built.size = built.file.size
    return built
