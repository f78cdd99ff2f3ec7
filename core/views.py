"""The one way a view guards an object: read it through ``Model.objects.visible_to(user)``
(hidden or missing → 404, or the login page for an anonymous visitor), then ask the app's
``rules`` permission on it (visible but not allowed → 403).

    class MeetingEditView(GuardedObjectMixin, UpdateView):
        model = Meeting
        permission_required = "councils.change_meeting"
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin


class LoginOn404Mixin:
    """Hidden objects are a 404; an anonymous visitor is asked to log in instead.

    The anonymous visitor gets the login page for every hidden or missing
    object alike, so the answer reveals nothing; a member following an e-mail
    link while logged out lands on the login page and then on the agenda.
    """

    # False: a hidden object is a 404 for the anonymous visitor too (PublicObjectMixin).
    login_on_404 = True

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except Http404:
            if self.login_on_404 and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise


class VisibleObjectMixin(LoginOn404Mixin):
    """``self.object`` is read once, through ``Model.objects.visible_to(user)``."""

    model = None
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = get_object_or_404(self.get_queryset(), pk=self.kwargs[self.pk_url_kwarg])
        return self._object

    @property
    def object(self):
        return self.get_object()

    @object.setter
    def object(self, value):
        # Django's generic views assign ``self.object = self.get_object()``.
        self._object = value


class GuardedObjectMixin(VisibleObjectMixin, PermissionRequiredMixin):
    """A visible object and a ``rules`` permission on it (403 when visible but not allowed)."""

    def get_permission_object(self):
        return self.get_object()


class PublicObjectMixin(VisibleObjectMixin):
    """A page the public may read: a hidden or missing object is a 404 for everybody,
    the anonymous visitor included (asking them to log in would reveal nothing they
    could not read anyway, and a plain 404 is the public page's answer). With
    ``GuardedObjectMixin`` set ``login_on_404 = False`` for the same answer."""

    login_on_404 = False
