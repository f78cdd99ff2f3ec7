"""The pages bench/load.py measures, resolved in the bench database; prints JSON.

[[label, path, cookie], …], the floor first. The members-only meeting page is the
busiest meeting (most comments) of a council whose meetings are not public,
seen by one of its members through a session made here, so no password is needed.
"""

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.urls import reverse  # noqa: E402

from actionplans.models import ActionPlan  # noqa: E402
from councils.models import AGENDA_VISIBLE_STATUSES, Meeting, Membership, SeatType  # noqa: E402


def member_session(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "accounts.backends.AdministratorModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(timedelta(hours=6))
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main():
    meeting = (
        Meeting.objects.filter(council__meetings_public=False, status__in=AGENDA_VISIBLE_STATUSES)
        .annotate(comments=Count("items__comments"))
        .order_by("-comments", "pk")
        .first()
    )
    membership = (
        Membership.objects.active()
        .filter(council_id=meeting.council_id)
        .exclude(seat_type=SeatType.SECRETARY)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    plan = (
        ActionPlan.objects.filter(status=ActionPlan.Status.APPROVED)
        .annotate(n=Count("initiatives"))
        .order_by("-n", "pk")
        .first()
    )
    print(
        json.dumps(
            [
                ["floor (bare view)", reverse("healthz"), ""],
                ["council list (public)", reverse("councils:list"), ""],
                [
                    "meeting (members, logged in)",
                    reverse("councils:meeting_detail", args=[meeting.pk]),
                    member_session(membership.user),
                ],
                ["goal overview (public)", reverse("policies:overview"), ""],
                ["plan (public)", reverse("actionplans:plan_detail", args=[plan.pk]), ""],
                ["report archive (public)", reverse("reports:archive"), ""],
            ]
        )
    )


if __name__ == "__main__":
    main()
