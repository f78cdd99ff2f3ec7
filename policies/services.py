"""Writes: policy versions (adopt, archive, revise), goals with optimistic locking, and
goal updates with their attachments.

Each write is one transaction (files: ``core.files.atomic_with_files``), so a failure
part-way leaves nothing half-written. Who made a change is recorded by simple-history's
middleware from the request; nothing here sets it by hand.
"""

from dataclasses import dataclass
from pathlib import PurePath

from django.db import transaction
from django.utils import timezone

from core.files import atomic_with_files, delete_files_on_commit
from policies.models import GoalUpdateAttachment, Policy, PolicyVersion, UnitGoal

# Copied into a new draft when an adopted version is changed.
VERSION_TEXT_FIELDS = ["title", "summary", *[name for name, _h in PolicyVersion.SECTIONS]]


@transaction.atomic
def create_policy(*, version: PolicyVersion) -> PolicyVersion:
    """Saves an unsaved first version (a draft) together with its new policy."""
    version.policy = Policy.objects.create()
    version.number = 1
    version.status = PolicyVersion.Status.DRAFT
    version.save()
    return version


class AlreadyAdopted(Exception):
    """A second "Vedtag" (double click, another tab): the first one did the job."""


@transaction.atomic
def adopt_version(*, version: PolicyVersion, adopting_body, committee, adopted_on):
    """Records a draft's adoption (it is frozen from now on) and archives the version it replaces."""
    version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != PolicyVersion.Status.DRAFT:
        raise AlreadyAdopted
    for previous in PolicyVersion.objects.select_for_update().filter(
        policy_id=version.policy_id, status=PolicyVersion.Status.ADOPTED
    ):
        previous.status = PolicyVersion.Status.ARCHIVED
        previous.archived_on = adopted_on
        previous.save()
    version.adopting_body = adopting_body
    version.committee = committee
    version.adopted_on = adopted_on
    version.status = PolicyVersion.Status.ADOPTED
    version.save()
    return version


@transaction.atomic
def archive_version(*, version: PolicyVersion) -> PolicyVersion:
    version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != PolicyVersion.Status.ADOPTED:
        raise ValueError("only an adopted version can be archived")
    version.status = PolicyVersion.Status.ARCHIVED
    version.archived_on = timezone.localdate()
    version.save()
    return version


@transaction.atomic
def start_revision(*, version: PolicyVersion) -> PolicyVersion:
    """The policy's draft: the existing one (``created`` False), or a new one copied from
    this adopted version. The policy is locked before looking, so two requests at once
    take turns and the second finds the first one's draft. (Locking the versions instead
    would not do: the second request would not see a row inserted while it waited.)"""
    Policy.objects.select_for_update().get(pk=version.policy_id)
    versions = list(PolicyVersion.objects.filter(policy_id=version.policy_id).order_by("-number"))
    existing = next((v for v in versions if v.status == PolicyVersion.Status.DRAFT), None)
    if existing is not None:
        existing.created = False
        return existing
    latest = versions[0]
    draft = PolicyVersion(
        policy_id=version.policy_id,
        number=latest.number + 1,
        status=PolicyVersion.Status.DRAFT,
        **{name: getattr(version, name) for name in VERSION_TEXT_FIELDS},
    )
    draft.save()
    draft.created = True
    return draft


# Goals -----------------------------------------------------------------------


class StaleGoal(Exception):
    """The goal was saved by someone else after the form was opened."""

    def __init__(self, current: UnitGoal):
        super().__init__("stale goal")
        self.current = current


@transaction.atomic
def save_version(*, version: PolicyVersion) -> PolicyVersion:
    """Saves an edited draft; an adopted version is frozen (the rules refuse it first)."""
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise ValueError("only a draft can be edited")
    version.save()
    return version


@transaction.atomic
def save_goal(*, goal: UnitGoal, based_on_version: int) -> UnitGoal:
    """Saves an edited goal unless it changed since ``based_on_version`` was read.

    The row is locked while comparing, so two saves based on the same version
    cannot both pass: the second raises StaleGoal and nothing is written.
    """
    current = UnitGoal.objects.select_for_update().get(pk=goal.pk)
    if current.version != based_on_version:
        raise StaleGoal(current)
    goal.version = current.version + 1
    goal.save()
    return goal


@transaction.atomic
def create_goal(*, goal: UnitGoal) -> UnitGoal:
    goal.version = 1
    goal.save()
    return goal


@dataclass
class FieldDifference:
    """A field where the submitted text and the saved text differ."""

    THEIRS = "theirs"  # only the user changed it: their text is proposed
    CURRENT = "current"  # only the other person changed it: the saved text stays
    BOTH = "both"  # both changed it: the user must merge

    name: str
    label: str
    theirs: str
    current: str
    changed_by: str

    @property
    def is_conflict(self):
        return self.changed_by == self.BOTH


def goal_differences(*, form, current: UnitGoal, based_on_version: int) -> list[FieldDifference]:
    """Fields where the submitted text differs from what is saved now.

    The version the user started from comes from the goal's history, so a
    field only one of the two people changed is told apart from one both
    changed. Without that version every difference counts as changed by both.
    """
    base = current.history.filter(version=based_on_version).order_by("-history_date").first()
    differences = []
    for name in form.Meta.fields:
        model_field = UnitGoal._meta.get_field(name)
        theirs = form.cleaned_data.get(name)
        theirs_value = theirs.pk if hasattr(theirs, "pk") else theirs
        current_value = model_field.value_from_object(current)
        if theirs_value == current_value:
            continue
        if base is None:
            changed_by = FieldDifference.BOTH
        else:
            base_value = model_field.value_from_object(base)
            if theirs_value == base_value:
                changed_by = FieldDifference.CURRENT
            elif current_value == base_value:
                changed_by = FieldDifference.THEIRS
            else:
                changed_by = FieldDifference.BOTH
        differences.append(
            FieldDifference(
                name=name,
                label=str(form.fields[name].label or model_field.verbose_name),
                theirs=_shown(model_field, theirs, theirs_value),
                current=_shown(model_field, getattr(current, model_field.name), current_value),
                changed_by=changed_by,
            )
        )
    return differences


def merge_initial(*, form, current: UnitGoal, differences) -> dict:
    """The merge form's starting values: the saved goal with the user's own changes on top."""
    initial = {
        name: getattr(current, UnitGoal._meta.get_field(name).attname) for name in form.Meta.fields
    }
    for difference in differences:
        if difference.changed_by != FieldDifference.CURRENT:
            value = form.cleaned_data.get(difference.name)
            initial[difference.name] = value.pk if hasattr(value, "pk") else value
    initial["version"] = current.version
    return initial


def _shown(model_field, value, raw) -> str:
    if raw in (None, ""):
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(raw, raw))
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    return str(value)


def create_update(*, update, goal: UnitGoal, files, user):
    """A new update of ``goal`` with its attachments: all of it, or nothing (no file either)."""
    with atomic_with_files():
        update.goal = goal
        update.author = user
        update.save()
        add_attachments(update=update, files=files, user=user)
    return update


def save_update(*, update, files, user):
    """An edited update and its new attachments, together."""
    with atomic_with_files():
        update.save()
        add_attachments(update=update, files=files, user=user)
    return update


def add_attachments(*, update, files, user) -> list[GoalUpdateAttachment]:
    """Stores the files under random names; a failure part-way leaves no file behind."""
    created = []
    with atomic_with_files() as stored:
        for uploaded in files:
            original_name = PurePath(uploaded.name or "").name[:255]
            attachment = GoalUpdateAttachment(
                update=update, original_name=original_name, size=uploaded.size, uploaded_by=user
            )
            stored.save(attachment.file, original_name, uploaded)
            attachment.save()
            created.append(attachment)
    return created


@transaction.atomic
def delete_goal(*, goal: UnitGoal) -> None:
    # One by one, so that every update and attachment leaves its own history record.
    for update in goal.updates.all():
        delete_update(update=update)
    goal.delete()


@transaction.atomic
def delete_update(*, update) -> None:
    files = []
    for attachment in update.attachments.all():
        files.append(attachment.file.name)
        attachment.delete()
    update.delete()
    _remove_files_after_commit(files)


@transaction.atomic
def delete_attachment(*, attachment) -> None:
    name = attachment.file.name
    attachment.delete()
    _remove_files_after_commit([name])


def _remove_files_after_commit(names):
    """Stored files go only once the rows are gone for good (not on a rollback)."""
    from django.core.files.storage import default_storage

    delete_files_on_commit(*((default_storage, name) for name in names))
