"""The one helper every view that opens personal or members-only content uses."""

from functools import wraps

from audit.models import AccessLog


def log_access(user, action, model, object_id="", note=""):
    if user is None or not user.is_authenticated:
        return None
    label = (
        f"{model._meta.verbose_name} #{object_id}"
        if object_id != ""
        else str(model._meta.verbose_name_plural)
    )
    return AccessLog.objects.create(
        actor=user,
        action=action,
        object_type=model._meta.label_lower,
        object_id=str(object_id),
        object_repr=f"{label} {note}".strip()[:200],
    )


def access_logged(action, model, *, when=None, pk_kwarg="pk", note=None):
    """Logs a successful GET of the decorated view by a logged-in user.

    ``when(request, response)`` narrows it (e.g. members-only meetings only); ``note(request)``
    adds a short non-personal detail (e.g. the year of an export). Refusals (403/404) and
    redirects are not logged: nothing was opened. Use ``method_decorator(..., name="dispatch")``
    on class-based views."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if (
                request.method == "GET"
                and response.status_code == 200
                and (when is None or when(request, response))
            ):
                log_access(
                    request.user,
                    action,
                    model,
                    kwargs.get(pk_kwarg, ""),
                    note(request) if note else "",
                )
            return response

        return wrapper

    return decorate
