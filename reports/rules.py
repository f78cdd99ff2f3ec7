import rules

from accounts.rules import is_administrator


@rules.predicate
def is_published(user, report):
    return report is not None and report.is_published


@rules.predicate
def is_editable(user, report):
    return report is not None and not report.is_published


rules.add_perm("reports.manage_statusreport", is_administrator)
rules.add_perm("reports.change_statusreport", is_administrator & is_editable)
rules.add_perm("reports.publish_statusreport", is_administrator & is_editable)
rules.add_perm("reports.view_statusreport", is_published | is_administrator)
