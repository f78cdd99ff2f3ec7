"""Follow-ups on initiatives written by a person (core.personaldata)."""

from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionPlan, Initiative, InitiativeUpdate, StatusChange
from core.personaldata import PersonalDataKind


def _mentions(user):
    return [
        (
            ActionPlan.objects.all(),
            ["problem", "solution", "effect", "economy", "next_steps", "decision_text"],
        ),
        (Initiative.objects.all(), ["description"]),
        (InitiativeUpdate.objects.all(), ["text"]),
        (StatusChange.objects.all(), ["decision_text"]),
    ]


KINDS = [
    PersonalDataKind(
        name="actionplans.initiative_updates",
        label=_("Opfølgninger på initiativer, du har skrevet"),
        rows=lambda user: InitiativeUpdate.objects.filter(author=user).select_related("initiative"),
        serialize=lambda u: {
            "initiativ": str(u.initiative),
            "dato": u.date.isoformat(),
            "tekst": u.text,
        },
        mentions=_mentions,
    ),
]
