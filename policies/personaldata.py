"""Goal updates and their attachments written by a person (core.personaldata)."""

from django.utils.translation import gettext_lazy as _

from core.personaldata import PersonalDataKind
from policies.models import GoalUpdate, GoalUpdateAttachment, PolicyVersion, UnitGoal


def _mentions(user):
    return [
        (GoalUpdate.objects.all(), ["participants", "what_was_done", "what_changed"]),
        (
            UnitGoal.objects.all(),
            ["involved_in", "organisation", "primary_users", "secondary_users"],
        ),
        (PolicyVersion.objects.all(), ["summary", "change_note"]),
    ]


KINDS = [
    PersonalDataKind(
        name="policies.goal_updates",
        label=_("Opfølgninger på mål, du har skrevet"),
        rows=lambda user: GoalUpdate.objects.filter(author=user).select_related("goal"),
        serialize=lambda u: {
            "mål": u.goal.title,
            "dato": u.date.isoformat(),
            "hvem_deltog": u.participants,
            "hvad_blev_gjort": u.what_was_done,
            "hvad_det_førte_til": u.what_changed,
        },
        mentions=_mentions,
    ),
    PersonalDataKind(
        name="policies.goal_update_attachments",
        label=_("Bilag til opfølgninger, du har lagt op"),
        rows=lambda user: GoalUpdateAttachment.objects.filter(uploaded_by=user),
        serialize=lambda a: {"filnavn": a.original_name, "størrelse": a.size},
        files=lambda a: [a.file],
    ),
]
