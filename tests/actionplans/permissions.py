"""Who may do what with action plans.

Approved plans are public; submitted ones are read by staff (administrators and
caseworkers); drafts by administrators only. Only administrators change anything.
A plan (or initiative) the user may not see is a 404.
"""

from tests.permissions.matrix import (
    LOGIN,
    Row,
    admin_history_rows,
    expect,
    locked_admin_rows,
    public,
)

STAFF = {"caseworker": 200, "other_caseworker": 200, "administrator": 200}

# Reading
APPROVED = public(200)
SUBMITTED = expect(404, **STAFF)
DRAFT = expect(404, administrator=200)


def admin_only(on="approved", admin=200):
    """An administrator's action on a plan in the given state, as seen by every role."""
    if on == "approved":
        return expect(403, anonymous=LOGIN, administrator=admin)
    if on == "submitted":
        return expect(404, caseworker=403, other_caseworker=403, administrator=admin)
    return expect(404, administrator=admin)


def plan(name="plan"):
    return lambda w: {"pk": w[name].pk}


def initiative(name="initiative"):
    return lambda w: {"pk": w[name].plan_id, "letter": w[name].letter}


def plan_data(w):
    return {
        "title": "Handleplan for frivillighed",
        "case_number": "2011-12345",
        "committee": w["committee"].pk,
        "administration": w["administration"].pk,
    }


INITIATIVE_DATA = {
    "title": "Temamøder for pårørende",
    "funding": "within_budget",
    "cost": "50.000",
    "recurrence": "yearly",
    "status": "planned",
}
DECISION_DATA = {
    "outcome": "approved",
    "decision_date": "2010-09-08",
    "decision_text": "Indstillingen blev godkendt",
}

ROWS = [
    Row("actionplans:plan_list", public(200)),
    Row("actionplans:plan_create", admin_only()),
    Row("actionplans:plan_create", admin_only(admin=302), method="post", data=plan_data),
    Row("actionplans:plan_detail", APPROVED, kwargs=plan(), label="approved"),
    Row("actionplans:plan_detail", SUBMITTED, kwargs=plan("submitted_plan"), label="submitted"),
    Row("actionplans:plan_detail", DRAFT, kwargs=plan("draft_plan"), label="draft"),
    Row("actionplans:plan_csv", APPROVED, kwargs=plan(), label="approved"),
    Row("actionplans:plan_csv", SUBMITTED, kwargs=plan("submitted_plan"), label="submitted"),
    Row("actionplans:plan_csv", DRAFT, kwargs=plan("draft_plan"), label="draft"),
    Row("actionplans:plan_update", admin_only(), kwargs=plan(), label="approved"),
    Row("actionplans:plan_update", admin_only("draft"), kwargs=plan("draft_plan"), label="draft"),
    Row(
        "actionplans:plan_update",
        admin_only("draft", admin=302),
        kwargs=plan("draft_plan"),
        method="post",
        data=plan_data,
        label="draft",
    ),
    Row(
        "actionplans:plan_update",
        admin_only(admin=302),
        kwargs=plan(),
        method="post",
        data=lambda w: {**plan_data(w), "decision_date": "2010-09-08"},
        label="approved",
    ),
    # Only drafts can be deleted, by administrators; a decided plan is a record.
    Row("actionplans:plan_delete", admin_only("draft"), kwargs=plan("draft_plan"), label="draft"),
    Row(
        "actionplans:plan_delete",
        admin_only("draft", admin=302),
        kwargs=plan("draft_plan"),
        method="post",
        label="draft",
    ),
    Row("actionplans:plan_delete", admin_only(admin=403), kwargs=plan(), label="approved"),
    Row(
        "actionplans:plan_delete",
        admin_only(admin=403),
        kwargs=plan(),
        method="post",
        label="approved",
    ),
    Row("actionplans:plan_submit", admin_only("draft"), kwargs=plan("draft_plan"), label="draft"),
    Row(
        "actionplans:plan_submit",
        admin_only("draft", admin=302),
        kwargs=plan("draft_plan"),
        method="post",
        label="draft",
    ),
    Row(
        "actionplans:plan_decision",
        admin_only("submitted"),
        kwargs=plan("submitted_plan"),
        label="submitted",
    ),
    Row(
        "actionplans:plan_decision",
        admin_only("submitted", admin=302),
        kwargs=plan("submitted_plan"),
        method="post",
        data=DECISION_DATA,
        label="submitted",
    ),
    # A decision on a draft is refused: the form comes back with the reason.
    Row(
        "actionplans:plan_decision",
        admin_only("draft", admin=200),
        kwargs=plan("draft_plan"),
        method="post",
        data=DECISION_DATA,
        label="draft",
    ),
    Row("actionplans:initiative_create", admin_only(), kwargs=plan(), label="approved"),
    Row(
        "actionplans:initiative_create",
        admin_only("draft"),
        kwargs=plan("draft_plan"),
        label="draft",
    ),
    Row(
        "actionplans:initiative_create",
        admin_only(admin=302),
        kwargs=plan(),
        method="post",
        data=INITIATIVE_DATA,
        label="approved",
    ),
    Row(
        "actionplans:initiative_create",
        admin_only("submitted", admin=302),
        kwargs=plan("submitted_plan"),
        method="post",
        data=INITIATIVE_DATA,
        label="submitted",
    ),
    Row("actionplans:initiative_detail", APPROVED, kwargs=initiative(), label="approved"),
    Row(
        "actionplans:initiative_detail",
        SUBMITTED,
        kwargs=initiative("submitted_initiative"),
        label="submitted",
    ),
    Row(
        "actionplans:initiative_detail",
        DRAFT,
        kwargs=initiative("draft_initiative"),
        label="draft",
    ),
    Row("actionplans:initiative_update", admin_only(), kwargs=initiative(), label="approved"),
    Row(
        "actionplans:initiative_update",
        admin_only("draft"),
        kwargs=initiative("draft_initiative"),
        label="draft",
    ),
    Row(
        "actionplans:initiative_update",
        admin_only(admin=302),
        kwargs=initiative(),
        method="post",
        data=INITIATIVE_DATA,
        label="approved",
    ),
    # Initiatives go only while the plan is a draft; after that they are part of the record.
    Row(
        "actionplans:initiative_delete",
        admin_only("draft"),
        kwargs=initiative("draft_initiative"),
        label="draft",
    ),
    Row(
        "actionplans:initiative_delete",
        admin_only("draft", admin=302),
        kwargs=initiative("draft_initiative"),
        method="post",
        label="draft",
    ),
    Row(
        "actionplans:initiative_delete",
        admin_only(admin=403),
        kwargs=initiative(),
        label="approved",
    ),
    Row(
        "actionplans:initiative_delete",
        admin_only(admin=403),
        kwargs=initiative(),
        method="post",
        label="approved",
    ),
    Row(
        "actionplans:initiative_delete",
        admin_only("submitted", admin=403),
        kwargs=initiative("submitted_initiative"),
        method="post",
        label="submitted",
    ),
    Row(
        "actionplans:initiative_progress",
        admin_only(admin=302),
        kwargs=initiative(),
        method="post",
        data={"date": "2011-05-01", "text": "Første netværksmøde holdt."},
        label="approved",
    ),
    Row(
        "actionplans:initiative_progress",
        admin_only("draft", admin=302),
        kwargs=initiative("draft_initiative"),
        method="post",
        data={"date": "2011-05-01", "text": "Første netværksmøde holdt."},
        label="draft",
    ),
    Row(
        "actionplans:initiative_progress",
        admin_only(admin=405),
        kwargs=initiative(),
        label="get",
    ),
]


# The Django admin's pages of an approved plan: administrators read them and may still edit its
# text, but nobody deletes it there, and the status and the decision stay read-only
# (actionplans/admin.py; tests/actionplans/test_admin_*.py post the whole form).
ROWS += locked_admin_rows("actionplans_actionplan", "plan", "approved", change_locked=False)


# Old versions are shown in the admin, never restored from there (core.admin).
ROWS += [
    *admin_history_rows("actionplans_actionplan", "plan"),
    *admin_history_rows("actionplans_initiative", "initiative"),
]
