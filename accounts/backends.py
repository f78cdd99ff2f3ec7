from django.contrib.auth.backends import ModelBackend

_MODEL_ACTIONS = ("add_", "change_", "delete_", "view_")


class AdministratorModelBackend(ModelBackend):
    """Gives administrators the model-level add/change/delete/view permissions.

    Only model-level (obj=None) checks are granted here, which is what the
    Django admin asks. Object-level checks are left to the ``rules`` predicates
    so that, for example, an administrator is not silently made a council member.
    """

    def has_perm(self, user_obj, perm, obj=None):
        if obj is None and user_obj.is_active and getattr(user_obj, "is_administrator", False):
            codename = perm.split(".", 1)[-1]
            if codename.startswith(_MODEL_ACTIONS):
                return True
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        if user_obj.is_active and getattr(user_obj, "is_administrator", False):
            return True
        return super().has_module_perms(user_obj, app_label)
