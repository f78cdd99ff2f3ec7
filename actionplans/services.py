"""Writes on action plans: the plan's way through the committee and initiative letters."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplans.letters import letter_to_number, number_to_letter
from actionplans.models import ActionPlan, Initiative, InitiativeUpdate, StatusChange

Status = ActionPlan.Status

# The committee hears a submitted plan and approves, rejects or returns it; a
# returned plan is revised and submitted again. Approved and rejected are final.
TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.RETURNED: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.APPROVED, Status.REJECTED, Status.RETURNED},
    Status.APPROVED: set(),
    Status.REJECTED: set(),
}


def allowed_transitions(plan) -> set:
    return TRANSITIONS[Status(plan.status)]


def _refuse_transition(plan, to_status):
    current = Status(plan.status)
    if current in (Status.DRAFT, Status.RETURNED) and to_status in Status.decided():
        message = _(
            "Planen er ikke indstillet til udvalget endnu (status: %(status)s). Udvalgets "
            "beslutning kan først registreres, når planen er indstillet."
        )
    else:
        message = _("En plan med status »%(status)s« kan ikke ændres til »%(to)s«.")
    raise ValidationError(
        message % {"status": current.label.lower(), "to": Status(to_status).label.lower()},
        code="invalid_transition",
    )


class AlreadyDone(ValidationError):
    """The plan is already where this step would take it: a second click, another tab.
    Still a refusal (a decided plan never changes); the views end on the plan with it."""


@transaction.atomic
def change_status(*, plan, to_status, by=None, decision_date=None, decision_text=""):
    """Moves a plan one step, recording the step; refuses steps the process does not allow."""
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    to_status = Status(to_status)
    if locked.status == to_status:
        raise AlreadyDone(
            _("Handleplanen har allerede status »%(status)s«.")
            % {"status": to_status.label.lower()},
            code="already_done",
        )
    if to_status not in allowed_transitions(locked):
        _refuse_transition(locked, to_status)
    if to_status in Status.decided():
        if decision_date is None:
            raise ValidationError(
                {"decision_date": _("Angiv datoen for udvalgets beslutning.")}, code="required"
            )
    elif decision_date is not None:
        raise ValidationError(
            {"decision_date": _("Kun udvalgets beslutning har en beslutningsdato.")},
            code="invalid",
        )
    from_status = locked.status
    locked.status = to_status
    # A resubmitted plan awaits a new decision; the old one stays in the history.
    locked.decision_date = decision_date
    locked.decision_text = decision_text if to_status in Status.decided() else ""
    locked.full_clean()
    locked.save()
    StatusChange.objects.create(
        plan=locked,
        from_status=from_status,
        to_status=to_status,
        decision_date=decision_date,
        decision_text=locked.decision_text,
        changed_by=by,
    )
    plan.refresh_from_db()
    return plan


def submit_plan(*, plan, by=None):
    return change_status(plan=plan, to_status=Status.SUBMITTED, by=by)


def record_decision(*, plan, outcome, decision_date, decision_text, by=None):
    return change_status(
        plan=plan,
        to_status=outcome,
        by=by,
        decision_date=decision_date,
        decision_text=decision_text,
    )


def duplicate_letter_message(letter):
    return _("Bogstavet %(letter)s er allerede brugt i denne handleplan.") % {"letter": letter}


@transaction.atomic
def add_initiative(*, plan, initiative: Initiative, letter: str = "") -> Initiative:
    """Saves a new initiative under the given letter, or the next unused one.

    The next letter follows the highest letter the plan has ever used, so the
    letter of a removed initiative is not handed to a new one.
    """
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if letter:
        if locked.initiatives.filter(letter=letter).exists():
            raise ValidationError({"letter": duplicate_letter_message(letter)}, code="unique")
        number = letter_to_number(letter)
    else:
        number = locked.last_letter_number + 1
        letter = number_to_letter(number)
    initiative.plan = locked
    initiative.letter = letter
    initiative.save()
    if number > locked.last_letter_number:
        # A queryset update: bookkeeping, not a change to the plan worth a history record.
        ActionPlan.objects.filter(pk=locked.pk).update(last_letter_number=number)
        locked.last_letter_number = number
    return initiative


def add_progress_update(*, initiative, date, text, by=None) -> InitiativeUpdate:
    return InitiativeUpdate.objects.create(initiative=initiative, date=date, text=text, author=by)


def initiative_delete_refusal(plan) -> str:
    """Why an initiative of this plan cannot be deleted, or "" when it can."""
    if plan.status == Status.DRAFT:
        return ""
    return _(
        "Initiativet kan ikke slettes, fordi handleplanen er indstillet til udvalget "
        "(status: %(status)s). Udvalget har fået planen med dette initiativ, så det skal "
        "blive stående. Sæt i stedet initiativets status til »Opgivet«."
    ) % {"status": Status(plan.status).label.lower()}


@transaction.atomic
def delete_initiative(*, initiative: Initiative, by=None) -> None:
    """Deletes an initiative of a draft plan; once submitted, the plan's initiatives are a record."""
    # Locked, so a submission running at the same moment cannot slip in between check and delete.
    locked = ActionPlan.objects.select_for_update().get(pk=initiative.plan_id)
    refusal = initiative_delete_refusal(locked)
    if refusal:
        raise ValidationError(refusal, code="plan_submitted")
    initiative.delete()
