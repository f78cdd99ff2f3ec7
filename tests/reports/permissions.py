from tests.permissions.matrix import LOGIN, Row, expect, locked_admin_rows, public

# Everything but the public archive is for administrators: the public and every
# other role get a login page (anonymous) or 403; drafts' files are 404 to them.
ADMIN_ONLY = expect(403, anonymous=LOGIN, administrator=200)
ADMIN_POST = expect(403, anonymous=LOGIN, administrator=302)
DRAFT_FILE = expect(404, administrator=200)


def draft(world):
    return {"pk": world["draft_report"].pk}


ROWS = [
    Row("reports:archive", public(200)),
    Row("reports:published_detail", public(200), kwargs=lambda w: {"pk": w["published_report"].pk}),
    Row(
        "reports:published_detail",
        expect(404),
        kwargs=draft,
        label="draft",
    ),
    Row(
        "reports:rendition_pdf",
        public(200),
        kwargs=lambda w: {"pk": w["published_report"].published_rendition_id},
    ),
    Row(
        "reports:rendition_pdf",
        DRAFT_FILE,
        kwargs=lambda w: {"pk": w["draft_rendition"].pk},
        label="draft",
    ),
    Row(
        "reports:attachment_file",
        public(200),
        kwargs=lambda w: {"pk": w["published_report_attachment"].pk},
    ),
    Row(
        "reports:attachment_file",
        DRAFT_FILE,
        kwargs=lambda w: {"pk": w["draft_report_attachment"].pk},
        label="draft",
    ),
    Row("reports:manage_list", ADMIN_ONLY),
    Row("reports:create", ADMIN_ONLY),
    Row("reports:manage", ADMIN_ONLY, kwargs=draft),
    Row("reports:edit", ADMIN_ONLY, kwargs=draft),
    Row("reports:narratives", ADMIN_ONLY, kwargs=draft),
    Row("reports:attachment_add", ADMIN_ONLY, kwargs=draft),
    Row(
        "reports:attachment_edit",
        ADMIN_ONLY,
        kwargs=lambda w: {"pk": w["draft_report_attachment"].pk},
    ),
    Row(
        "reports:attachment_delete",
        ADMIN_ONLY,
        kwargs=lambda w: {"pk": w["draft_report_attachment"].pk},
    ),
    Row(
        "reports:attachment_delete",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w["draft_report_attachment"].pk},
        method="post",
    ),
    Row(
        "reports:edit",
        expect(403, anonymous=LOGIN, administrator=200),
        kwargs=draft,
        method="post",
        data={"title": ""},
        label="invalid",
    ),
    Row("reports:narratives", ADMIN_POST, kwargs=draft, method="post", data={}),
    Row(
        "reports:attachment_add",
        ADMIN_POST,
        kwargs=draft,
        method="post",
        data={"title": "Bilag", "description": "Tekst", "position": 9},
    ),
    Row(
        "reports:publish",
        ADMIN_POST,
        kwargs=draft,
        method="post",
    ),
    Row("reports:preview", ADMIN_ONLY, kwargs=draft),
    Row("reports:render", ADMIN_POST, kwargs=draft, method="post"),
    Row(
        "reports:render",
        expect(
            405,
            anonymous=LOGIN,
            **dict.fromkeys(
                ["member", "outsider", "secretary", "caseworker", "other_caseworker"], 403
            ),
        ),
        kwargs=draft,
        label="get",
    ),
    Row("reports:rendition_status", ADMIN_ONLY, kwargs=lambda w: {"pk": w["draft_rendition"].pk}),
    Row("reports:publish", ADMIN_ONLY, kwargs=draft),
    Row(
        "reports:new_version",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w["published_report"].pk},
        method="post",
    ),
]


# The Django admin's pages of a published report: administrators read them, nobody changes or
# deletes them there (tests/reports/test_admin_*.py post the whole form).
ROWS += locked_admin_rows("reports_statusreport", "published_report", "published")
