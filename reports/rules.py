"""Who may do what with status reports. Who reads them is
``StatusReport.objects.visible_to`` (reports/models.py): published reports are public.
"""

import rules

from accounts.rules import is_administrator


def _report(obj):
    """The report itself, or the report a bilag or text belongs to (the admin's inlines)."""
    return getattr(obj, "report", obj)


@rules.predicate
def is_editable(user, obj):
    report = _report(obj)
    return report is not None and not report.is_published


# The same rules answer the portal's views and the Django admin (core.admin): a
# published report and its bilag and texts are the record and change no more.
can_edit = is_administrator & is_editable

# The administration of reports (reports/views/manage.py, rendering.py): drafts, PDFs, publishing.
rules.add_perm("reports.manage_statusreport", is_administrator)
rules.add_perm("reports.change_statusreport", can_edit)
rules.add_perm("reports.delete_statusreport", can_edit)
for _model in ("reportattachment", "focusareanarrative"):
    for _action in ("add", "change", "delete"):
        rules.add_perm(f"reports.{_action}_{_model}", can_edit)
