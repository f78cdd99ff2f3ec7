"""Every permission registered with ``rules`` is asked somewhere.

A permission counts as used when
- a view class names it (``permission_required = "app.perm"``, or in a tuple),
- Python code asks for it by name (``has_perm("app.perm", …)``, or a shorthand ``has("app.perm", …)``),
- a template asks for it (``{% has_perm "app.perm" user obj as … %}``), or
- the Django admin asks for it: an admin (or inline) of our models whose
  ``has_<action>_permission`` goes through ``core.admin.allowed`` asks the rule
  ``<app>.<action>_<model>`` (``RulesAdminMixin``, ``RulesInlineMixin``).

How this test fails: register a rule nobody asks, e.g. in any ``rules.py``

    rules.add_perm("policies.frobnicate_policy", rules.always_allow)

and ``test_every_registered_permission_is_used`` lists ``policies.frobnicate_policy``.
``test_an_unused_rule_is_reported`` does exactly that with a throwaway rule, so the
checker itself is shown to find one.
"""

import inspect
import re
from pathlib import Path

import rules
from django.conf import settings
from django.contrib import admin

ROOT = Path(settings.BASE_DIR)
PACKAGES = ["core", "portal", *settings.PORTAL_APPS]

NAME = r"[\"']([a-z_]+\.[a-z_]+)[\"']"
PYTHON_USES = [
    re.compile(r"has_perm\(\s*" + NAME),
    re.compile(r"permission_required\s*=\s*\(?\s*" + NAME),
    re.compile(r"permission_required\(\s*" + NAME),
    # ``has = partial(user.has_perm, …)``-style shorthands: has("app.perm", obj).
    re.compile(r"\bhas\(\s*" + NAME),
]
# A tuple of several permissions on one view.
PERMISSION_TUPLE = re.compile(r"permission_required\s*=\s*\(([^)]*)\)")
TEMPLATE_USE = re.compile(r"{%\s*has_perm\s+" + NAME)
ADMIN_ACTIONS = ("add", "change", "delete", "view")
ALLOWED_CALL = re.compile(r"allowed\(\s*request\s*,\s*self\.opts\s*,\s*[\"'](\w+)[\"']")


def _files(suffix):
    for package in PACKAGES:
        for path in (ROOT / package).rglob(f"*{suffix}"):
            if "migrations" not in path.parts:
                yield path


def python_uses(sources=None) -> set[str]:
    found = set()
    texts = sources if sources is not None else (p.read_text() for p in _files(".py"))
    for text in texts:
        for pattern in PYTHON_USES:
            found.update(pattern.findall(text))
        for group in PERMISSION_TUPLE.findall(text):
            found.update(re.findall(NAME, group))
    return found


def template_uses() -> set[str]:
    found = set()
    for path in [*_files(".html"), *(ROOT / "templates").rglob("*.html")]:
        found.update(TEMPLATE_USE.findall(path.read_text()))
    return found


def _admin_asks(admin_class, model) -> set[str]:
    asked = set()
    for action in ADMIN_ACTIONS:
        method = getattr(admin_class, f"has_{action}_permission", None)
        if method is None:
            continue
        try:
            source = inspect.getsource(method)
        except (OSError, TypeError):
            continue
        if action in ALLOWED_CALL.findall(source):
            asked.add(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
    return asked


def admin_uses() -> set[str]:
    found = set()
    for model, model_admin in admin.site._registry.items():
        found |= _admin_asks(type(model_admin), model)
        for inline in model_admin.inlines:
            found |= _admin_asks(inline, inline.model)
    return found


def unused_permissions(registered=None) -> list[str]:
    registered = set(rules.permissions.permissions if registered is None else registered)
    used = python_uses() | template_uses() | admin_uses()
    return sorted(registered - used)


def test_every_registered_permission_is_used():
    unused = unused_permissions()
    assert not unused, f"Permissions registered with rules but never checked: {unused}"


def test_an_unused_rule_is_reported():
    name = "policies.frobnicate_policy"
    rules.add_perm(name, rules.always_allow)
    try:
        assert name in unused_permissions()
    finally:
        rules.remove_perm(name)
    assert name not in unused_permissions()


def test_the_checker_sees_each_kind_of_use():
    # The patterns match what the apps write; a checker that saw nothing would pass anything.
    assert "policies.add_policy" in python_uses(['has_perm("policies.add_policy")'])
    assert "reports.x_y" in python_uses(['    permission_required = "reports.x_y"'])
    assert "a.b_c" in python_uses(['permission_required = ("a.b_c", "d.e_f")'])
    assert "actionplans.add_actionplan" in template_uses()
    assert "reports.change_statusreport" in admin_uses()


# Every app of the portal (the Django admin's own templates are not ours).
ONE_IDIOM_APPS = list(settings.PORTAL_APPS)


def _view_modules(app):
    """``<app>/views.py`` or every module of the ``<app>/views/`` package."""
    single = ROOT / app / "views.py"
    return [single] if single.is_file() else sorted((ROOT / app / "views").rglob("*.py"))


def test_templates_ask_permissions_one_way():
    """{% has_perm %} only: no ``perms.`` and no ``can_*`` flags computed by the views."""
    found = []
    for app in ONE_IDIOM_APPS:
        for path in (ROOT / app / "templates").rglob("*.html"):
            text = path.read_text()
            if re.search(r"\bperms\.", text):
                found.append(f"{path.name}: perms.")
            flags = set(re.findall(r"\bif (?:not )?(can_\w+)", text))
            declared = set(re.findall(r"{%\s*has_perm [^%]* as (can_\w+)\s*%}", text))
            found += [f"{path.name}: {flag} not from has_perm" for flag in flags - declared]
    assert not found, found


def test_views_compute_no_permission_flags():
    found = []
    for app in ONE_IDIOM_APPS:
        for path in _view_modules(app):
            found += [
                f"{path.name}: {m}"
                for m in re.findall(r"[\"'](can_\w+)[\"']\s*:", path.read_text())
            ]
            found += [f"{path.name}: {m}" for m in re.findall(r"\b(can_\w+)=", path.read_text())]
    assert not found, found
