"""Every admin page of a model the rules speak about asks the rules (core.admin).

A new ModelAdmin or inline for such a model that forgets the mixin would answer from
model-level permissions alone, and let an administrator change a locked record there.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_permission_codename
from rules.permissions import perm_exists

from core.admin import RulesAdminMixin, RulesInlineMixin

# Comments are never edited in the admin at all (every field read-only, no adding).
EXEMPT = {"councils.comment"}
# Inlines that add, change and delete nothing (files go through the portal's pages).
READ_ONLY_INLINES = {"policies.goalupdate: AttachmentInline"}


def _ruled(model):
    opts = model._meta
    actions = ("add", "change", "delete")
    return any(
        perm_exists(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in actions
    )


def _own_admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in settings.PORTAL_APPS:
            yield model, model_admin


def test_admins_of_ruled_models_ask_the_rules():
    missing = [
        model._meta.label_lower
        for model, model_admin in _own_admins()
        if _ruled(model)
        and model._meta.label_lower not in EXEMPT
        and not isinstance(model_admin, RulesAdminMixin)
    ]
    assert not missing, f"ModelAdmins that bypass the rules: {missing}"


def test_read_only_inlines_are_read_only(rf, administrator):
    request = rf.get("/")
    request.user = administrator
    for model, model_admin in _own_admins():
        for inline in model_admin.get_inline_instances(request):
            name = f"{model._meta.label_lower}: {type(inline).__name__}"
            if name in READ_ONLY_INLINES:
                assert not inline.has_add_permission(request, None)
                assert not inline.has_change_permission(request, None)
                assert not inline.has_delete_permission(request, None)


def test_inlines_of_ruled_models_ask_the_rules():
    missing = [
        f"{model._meta.label_lower}: {inline.__name__}"
        for model, model_admin in _own_admins()
        for inline in model_admin.inlines
        if _ruled(inline.model) and not issubclass(inline, RulesInlineMixin)
    ]
    missing = [name for name in missing if name not in READ_ONLY_INLINES]
    assert not missing, f"Inlines that bypass the rules: {missing}"
