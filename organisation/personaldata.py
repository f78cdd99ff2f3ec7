"""Caseworkers' jobs in units (core.personaldata)."""

from django.utils.translation import gettext_lazy as _

from core.personaldata import PersonalDataKind
from organisation.models import UnitStaff


def _role(user):
    job = UnitStaff.objects.filter(user=user).select_related("unit").first()
    if job is None:
        return None
    return "medarbejder", "".join(w[0] for w in job.unit.name.split() if w[0].isupper())


KINDS = [
    PersonalDataKind(
        name="organisation.staff",
        label=_("Ansættelse som sagsbehandler i en enhed"),
        rows=lambda user: UnitStaff.objects.filter(user=user).select_related("unit"),
        serialize=lambda s: {"enhed": s.unit.name, "stilling": s.title},
        pseudonym_role=_role,
        # A job has no end date: while the row exists the person is an employee.
        engagements=lambda: (
            (user_id, None) for user_id in UnitStaff.objects.values_list("user_id", flat=True)
        ),
    ),
]
