"""Applies every retention period (slettefrist) of the registry; idempotent.

Logs counts, never content."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.personaldata import before, kinds
from privacy.models import PrivacyAction

logger = logging.getLogger("privacy.retention")

FORMER_MEMBERS = "privacy.former_members"


def former_members_due(now):
    """People whose every seat and job ended before the cutoff (none still running)."""
    cutoff = before(now, settings.PORTAL_RETENTION_FORMER_MEMBER_YEARS, "years").date()
    latest = {}
    for kind in kinds():
        if not kind.engagements:
            continue
        for user_id, end in kind.engagements():
            if user_id in latest and latest[user_id] is None:
                continue
            latest[user_id] = None if end is None else max(end, latest.get(user_id) or end)
    ended = {user_id for user_id, end in latest.items() if end is not None and end < cutoff}
    done = set(
        PrivacyAction.objects.filter(
            action=PrivacyAction.Kind.PSEUDONYMISE, target_user_id__in=ended
        ).values_list("target_user_id", flat=True)
    )
    return get_user_model().objects.filter(pk__in=ended - done, is_administrator=False)


def _former_members(now, dry_run):
    from privacy.pseudonymise import pseudonymise

    due = list(former_members_due(now))
    if not dry_run:
        years = settings.PORTAL_RETENTION_FORMER_MEMBER_YEARS
        for user in due:
            pseudonymise(
                user=user,
                actor=None,
                reason=f"Slettefrist: sidste medlemskab eller ansættelse sluttede for mere end "
                f"{years} år siden.",
            )
    return len(due)


def apply_retention(*, now=None, dry_run=False) -> dict[str, int]:
    now = now or timezone.now()
    counts = {}
    for kind in kinds():
        if kind.retention:
            counts[kind.name] = kind.retention.apply(now, dry_run)
    counts[FORMER_MEMBERS] = _former_members(now, dry_run)
    logger.info("Retention%s: %s", " (dry run)" if dry_run else "", counts)
    return counts
