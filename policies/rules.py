"""Who may do what with policies, goals and goal updates.

Who reads what is decided by the models' ``visible_to`` querysets (policies/models.py),
which ask ``reads_all_goals`` here; this module decides edits. Administrators edit
everything (adopted policy versions excepted: they are frozen); caseworkers create and
edit the goals and updates of their own units.

The models import this module, never the other way round: predicates read the
objects they are given (``version.is_draft``) and need no model class.
"""

import rules

from accounts.roles import roles_for
from accounts.rules import is_administrator
from organisation.rules import is_caseworker, is_caseworker_of


@rules.predicate
def holds_a_role(user):
    return bool(user and user.is_authenticated and user.is_active and roles_for(user))


# Staff and council members read every goal, also those under a draft policy.
reads_all_goals = is_administrator | holds_a_role


@rules.predicate
def may_set_goals_for(user, unit=None):
    """Without a unit: may the user set goals for some unit (opening the form)?"""
    if unit is None:
        return is_caseworker(user)
    return is_caseworker_of(user, unit)


@rules.predicate
def works_in_goal_unit(user, goal):
    return goal is not None and is_caseworker_of(user, goal.unit_id)


@rules.predicate
def works_in_update_unit(user, update):
    return update is not None and is_caseworker_of(user, update.goal.unit_id)


@rules.predicate
def works_in_attachment_unit(user, attachment):
    return attachment is not None and is_caseworker_of(user, attachment.update.goal.unit_id)


@rules.predicate
def is_draft(user, version):
    return version is not None and version.is_draft


@rules.predicate
def is_adopted(user, version):
    return version is not None and version.is_adopted


edits_goal = is_administrator | works_in_goal_unit

rules.add_perm("policies.add_policy", is_administrator)
rules.add_perm("policies.change_policyversion", is_administrator & is_draft)
# A draft created by mistake may go; adopted and archived versions are the record.
rules.add_perm("policies.delete_policyversion", is_administrator & is_draft)
rules.add_perm("policies.adopt_policyversion", is_administrator & is_draft)
rules.add_perm("policies.archive_policyversion", is_administrator & is_adopted)
rules.add_perm("policies.revise_policyversion", is_administrator & is_adopted)

rules.add_perm("policies.add_unitgoal", is_administrator | may_set_goals_for)
rules.add_perm("policies.change_unitgoal", edits_goal)
rules.add_perm("policies.delete_unitgoal", edits_goal)
rules.add_perm("policies.add_goalupdate", edits_goal)

rules.add_perm("policies.change_goalupdate", is_administrator | works_in_update_unit)
rules.add_perm("policies.delete_goalupdate", is_administrator | works_in_update_unit)
rules.add_perm("policies.delete_goalupdateattachment", is_administrator | works_in_attachment_unit)

__all__ = ["is_administrator", "reads_all_goals", "edits_goal"]
