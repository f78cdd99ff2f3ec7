"""The Django admin asks the apps' own ``rules`` about each object, as the portal's views do.

Without this the admin answers from model-level permissions alone, and an administrator
could change there what the portal keeps fixed (approved minutes, a published report,
an adopted policy version). One rule set serves both: ``<app>.<action>_<model>`` in the
app's ``rules.py``. A model without such a rule keeps the admin's model-level answer.
"""

from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db import router
from django.urls import path
from rules.permissions import perm_exists


def _perm_name(opts, action):
    return f"{opts.app_label}.{get_permission_codename(action, opts)}"


def allowed(request, opts, action, obj=None) -> bool:
    """``action`` ("add", "change", "delete") on ``obj`` by the rules; model-level without one.

    For an inline, ``obj`` is the parent object (the admin gives no other), so an inline
    model's rule must accept its parent as well as itself (see councils.rules.meeting_of).
    """
    perm = _perm_name(opts, action)
    if obj is None or not perm_exists(perm):
        return request.user.has_perm(perm)
    return request.user.has_perm(perm, obj)


class RulesAdminMixin:
    """A ModelAdmin whose change and delete answers come from the rules, object by object.

    The server refuses what the page hides: Django's change view raises PermissionDenied
    on a POST without change permission, and the delete view (and the "delete selected"
    action) refuses while ``perms_needed`` is not empty.
    """

    def has_change_permission(self, request, obj=None):
        return allowed(request, self.opts, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return allowed(request, self.opts, "delete", obj)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Django checks only model-level permissions here, also for "delete selected" and
        # for what a deletion cascades to (a council's approved meetings): ask the rules
        # about every object that would go.
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        for model, instances in collector.data.items():
            perm = _perm_name(model._meta, "delete")
            if perm_exists(perm) and not all(
                request.user.has_perm(perm, instance) for instance in instances
            ):
                perms_needed.add(model._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    # simple-history's "revert" saves every field of the old version after checking only
    # that the user may view it: it would bring back a meeting's status from before its
    # minutes were approved, a plan's decision, a member's withdrawn consent. Old versions
    # are shown here, never restored.
    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        request.portal_history_read_only = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        if getattr(request, "portal_history_read_only", False):
            opts = self.opts
            fields = [*opts.concrete_fields, *opts.many_to_many]
            return [f.name for f in fields if f.editable and not f.auto_created]
        return super().get_readonly_fields(request, obj)

    def get_urls(self):
        urls = super().get_urls()
        if not hasattr(super(), "history_form_view"):
            return urls
        # The same page as simple-history's, under a path with named parts (so the
        # permission matrix can reach it like any other URL).
        name = f"{self.opts.app_label}_{self.opts.model_name}_simple_history"
        return [
            path(
                "<path:object_id>/history/<int:version_id>/",
                self.admin_site.admin_view(self.history_form_view),
                name=name,
            ),
            *(url for url in urls if getattr(url, "name", None) != name),
        ]


class RulesInlineMixin:
    """An inline whose add/change/delete answers come from the rules, given the parent."""

    def has_add_permission(self, request, obj):
        return allowed(request, self.opts, "add", obj)

    def has_change_permission(self, request, obj=None):
        return allowed(request, self.opts, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return allowed(request, self.opts, "delete", obj)


class ReadOnlyAdminMixin:
    """A record the portal writes itself (access log, e-mails sent, privacy actions):
    administrators look, nobody adds, changes or deletes it in the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
