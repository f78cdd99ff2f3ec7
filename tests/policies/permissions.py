from importlib import util

from tests.permissions.matrix import (
    LOGIN,
    Row,
    admin_history_rows,
    expect,
    locked_admin_rows,
    logged_in,
    public,
)
from tests.policies.helpers import goal_post_data


def _council_roles_present():
    """member, outsider and secretary hold council roles once the councils app seats them."""
    try:
        return util.find_spec("tests.councils.world") is not None
    except ModuleNotFoundError:
        return False


COUNCIL_ROLES = _council_roles_present()
# What a council persona gets for an internal goal: role holders read all goals.
INTERNAL_READ = 200 if COUNCIL_ROLES else 404
INTERNAL_EDIT = 403 if COUNCIL_ROLES else 404


def pk(name):
    return lambda world: {"pk": world[name].pk}


def policy_pk(name):
    return lambda world: {"pk": world[name].policy_id}


def goal_data(name, **overrides):
    def data(world):
        goal = world[name]
        values = goal_post_data(goal, title=goal.title + " (rettet)")
        values.update({k: v(world) if callable(v) else v for k, v in overrides.items()})
        return values

    return data


UPDATE_DATA = {
    "date": "2011-09-01",
    "channel": "dialogue_meeting",
    "participants": "Brugerrådet",
    "what_was_done": "Dialogmøde om åbningstider.",
    "what_changed": "",
}

ADMIN_ONLY = logged_in(403, administrator=200)
ADMIN_ONLY_HIDDEN = logged_in(404, administrator=200)
# Goal edits: the caseworker of the goal's unit and administrators.
OWN_UNIT = logged_in(403, caseworker=200, administrator=200)
OWN_UNIT_POST = logged_in(403, caseworker=302, administrator=302)
OTHER_UNIT_POST = logged_in(403, other_caseworker=302, administrator=302)
# The forms of another unit's goal, update or attachment: refused to the caseworker.
OTHER_UNIT = logged_in(403, other_caseworker=200, administrator=200)
INTERNAL = expect(
    200, anonymous=404, member=INTERNAL_READ, outsider=INTERNAL_READ, secretary=INTERNAL_READ
)

ROWS = [
    # Policies
    Row("policies:policy_list", public(200)),
    Row("policies:policy_detail", public(200), kwargs=policy_pk("policy"), label="adopted"),
    Row(
        "policies:policy_detail",
        expect(404, administrator=200),
        kwargs=policy_pk("draft_policy"),
        label="draft",
    ),
    Row("policies:policy_create", ADMIN_ONLY),
    Row(
        "policies:policy_create",
        logged_in(403, administrator=302),
        method="post",
        data={"title": "Politik for pårørende"},
    ),
    Row("policies:version_detail", public(200), kwargs=pk("policy"), label="adopted"),
    Row("policies:version_detail", public(200), kwargs=pk("archived_policy"), label="archived"),
    Row(
        "policies:version_detail",
        expect(404, administrator=200),
        kwargs=pk("draft_policy"),
        label="draft",
    ),
    Row("policies:version_edit", ADMIN_ONLY_HIDDEN, kwargs=pk("draft_policy"), label="draft"),
    Row(
        "policies:version_edit",
        logged_in(403),
        kwargs=pk("policy"),
        label="adopted-is-frozen",
    ),
    Row(
        "policies:version_edit",
        logged_in(404, administrator=302),
        kwargs=pk("draft_policy"),
        method="post",
        data={"title": "Politik for pårørendeinddragelse 2"},
        label="draft",
    ),
    Row(
        "policies:version_edit",
        logged_in(403),
        kwargs=pk("policy"),
        method="post",
        data={"title": "Overskrevet"},
        label="adopted-is-frozen",
    ),
    Row("policies:version_adopt", ADMIN_ONLY_HIDDEN, kwargs=pk("draft_policy"), label="draft"),
    Row(
        "policies:version_adopt",
        logged_in(404, administrator=302),
        kwargs=pk("draft_policy"),
        method="post",
        data={"adopting_body": "city_council", "adopted_on": "2013-01-15"},
        label="draft",
    ),
    # An administrator's repeated "Vedtag" lands on the adopted version (an info message).
    Row(
        "policies:version_adopt",
        logged_in(403, administrator=302),
        kwargs=pk("policy"),
        label="adopted",
    ),
    Row("policies:version_archive", ADMIN_ONLY, kwargs=pk("policy"), label="adopted"),
    Row(
        "policies:version_archive",
        logged_in(403, administrator=302),
        kwargs=pk("policy"),
        method="post",
        label="adopted",
    ),
    Row("policies:version_archive", logged_in(403), kwargs=pk("archived_policy"), label="archived"),
    Row("policies:version_revise", ADMIN_ONLY, kwargs=pk("policy"), label="adopted"),
    Row(
        "policies:version_revise",
        logged_in(403, administrator=302),
        kwargs=pk("policy"),
        method="post",
        label="adopted",
    ),
    Row(
        "policies:version_revise",
        logged_in(404, administrator=403),
        kwargs=pk("draft_policy"),
        label="draft",
    ),
    # Goals: lists, overview and export read through visible_to, so everybody gets a page.
    Row("policies:goal_list", public(200)),
    Row("policies:overview", public(200)),
    Row("policies:goal_export", public(200)),
    Row(
        "policies:goal_create",
        logged_in(403, caseworker=200, other_caseworker=200, administrator=200),
    ),
    Row(
        "policies:goal_create",
        # The other caseworker's crafted POST for a unit not theirs: the form refuses it (200).
        logged_in(403, caseworker=302, other_caseworker=200, administrator=302),
        method="post",
        data=goal_data("goal"),
        label="own-unit",
    ),
    Row("policies:goal_detail", public(200), kwargs=pk("goal"), label="public"),
    Row("policies:goal_detail", public(200), kwargs=pk("archived_goal"), label="archived-policy"),
    Row("policies:goal_detail", INTERNAL, kwargs=pk("draft_goal"), label="draft-policy"),
    Row("policies:goal_edit", OWN_UNIT, kwargs=pk("goal"), label="own"),
    Row(
        "policies:goal_edit",
        logged_in(403, other_caseworker=200, administrator=200),
        kwargs=pk("other_goal"),
        label="other-unit",
    ),
    Row(
        "policies:goal_edit",
        expect(
            403,
            anonymous=LOGIN,
            member=INTERNAL_EDIT,
            outsider=INTERNAL_EDIT,
            secretary=INTERNAL_EDIT,
            caseworker=200,
            administrator=200,
        ),
        kwargs=pk("draft_goal"),
        label="draft-policy",
    ),
    Row(
        "policies:goal_edit",
        OWN_UNIT_POST,
        kwargs=pk("goal"),
        method="post",
        data=goal_data("goal"),
        label="own",
    ),
    Row(
        "policies:goal_edit",
        OTHER_UNIT_POST,
        kwargs=pk("other_goal"),
        method="post",
        data=goal_data("other_goal"),
        label="other-unit",
    ),
    Row(
        "policies:goal_edit",
        # Moving one's own goal to another unit is refused by the form.
        logged_in(403, caseworker=200, administrator=302),
        kwargs=pk("goal"),
        method="post",
        data=goal_data("goal", unit=lambda world: world["other_unit"].pk),
        label="move-to-other-unit",
    ),
    Row("policies:goal_delete", OWN_UNIT, kwargs=pk("goal"), label="own"),
    Row(
        "policies:goal_delete",
        OWN_UNIT_POST,
        kwargs=pk("goal"),
        method="post",
        label="own",
    ),
    Row("policies:goal_delete", OTHER_UNIT, kwargs=pk("other_goal"), label="other-unit"),
    Row(
        "policies:goal_delete",
        OTHER_UNIT_POST,
        kwargs=pk("other_goal"),
        method="post",
        label="other-unit",
    ),
    # Goal updates and their attachments
    Row("policies:update_create", OWN_UNIT, kwargs=pk("goal"), label="own"),
    Row(
        "policies:update_create",
        OWN_UNIT_POST,
        kwargs=pk("goal"),
        method="post",
        data=UPDATE_DATA,
        label="own",
    ),
    Row("policies:update_create", OTHER_UNIT, kwargs=pk("other_goal"), label="other-unit"),
    Row(
        "policies:update_create",
        OTHER_UNIT_POST,
        kwargs=pk("other_goal"),
        method="post",
        data=UPDATE_DATA,
        label="other-unit",
    ),
    Row("policies:update_detail", public(200), kwargs=pk("update"), label="public"),
    Row("policies:update_detail", INTERNAL, kwargs=pk("draft_update"), label="draft-policy"),
    Row("policies:update_edit", OWN_UNIT, kwargs=pk("update"), label="own"),
    Row(
        "policies:update_edit",
        OWN_UNIT_POST,
        kwargs=pk("update"),
        method="post",
        data=UPDATE_DATA,
        label="own",
    ),
    Row("policies:update_edit", OTHER_UNIT, kwargs=pk("other_update"), label="other-unit"),
    Row(
        "policies:update_edit",
        OTHER_UNIT_POST,
        kwargs=pk("other_update"),
        method="post",
        data=UPDATE_DATA,
        label="other-unit",
    ),
    Row("policies:update_delete", OWN_UNIT, kwargs=pk("update"), label="own"),
    Row(
        "policies:update_delete",
        OWN_UNIT_POST,
        kwargs=pk("update"),
        method="post",
        label="own",
    ),
    Row("policies:update_delete", OTHER_UNIT, kwargs=pk("other_update"), label="other-unit"),
    Row(
        "policies:update_delete",
        OTHER_UNIT_POST,
        kwargs=pk("other_update"),
        method="post",
        label="other-unit",
    ),
    Row("policies:attachment_download", public(200), kwargs=pk("goal_attachment"), label="public"),
    Row(
        "policies:attachment_download",
        INTERNAL,
        kwargs=pk("draft_goal_attachment"),
        label="draft-policy",
    ),
    Row("policies:attachment_delete", OWN_UNIT, kwargs=pk("goal_attachment"), label="own"),
    Row(
        "policies:attachment_delete",
        OWN_UNIT_POST,
        kwargs=pk("goal_attachment"),
        method="post",
        label="own",
    ),
    Row(
        "policies:attachment_delete",
        OTHER_UNIT,
        kwargs=pk("other_goal_attachment"),
        label="other-unit",
    ),
    Row(
        "policies:attachment_delete",
        OTHER_UNIT_POST,
        kwargs=pk("other_goal_attachment"),
        method="post",
        label="other-unit",
    ),
]


# The Django admin's pages of an adopted policy version: administrators read them, nobody changes or
# deletes them there (tests/policies/test_admin_*.py post the whole form).
ROWS += locked_admin_rows("policies_policyversion", "policy", "adopted")


# Old versions are shown in the admin, never restored from there (core.admin).
ROWS += [
    *admin_history_rows("policies_policyversion", "policy"),
    *admin_history_rows("policies_unitgoal", "goal"),
    *admin_history_rows("policies_goalupdate", "update"),
]
