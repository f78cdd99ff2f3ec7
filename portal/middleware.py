from django.conf import settings
from django.utils.cache import add_never_cache_headers

from core.pagecache import PUBLIC_PAGES


class DanishUnlessChosenMiddleware:
    """Shows Danish unless the visitor chose another language with the switcher.

    The browser's Accept-Language is ignored: a municipal site speaks Danish by
    default, and the nb/en choice is remembered in the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


def _may_be_kept(request, response) -> bool:
    """Whether a browser or proxy may keep this answer; everything else gets no-store.

    Kept as they are: answers that already say no-store (protected files, the health
    check), and what an anonymous visitor gets on a public page (core/pagecache.py) or
    from a view that marks its answer public because it is the same for everyone (the
    council's public calendar feed). The user is looked at last, so the health check
    and the like never load a session.
    """
    cache_control = response.get("Cache-Control", "")
    if "no-store" in cache_control:
        return True
    match = getattr(request, "resolver_match", None)
    public_page = (
        response.status_code == 200 and match is not None and match.view_name in PUBLIC_PAGES
    )
    if not (public_page or "public" in cache_control):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class SecurityHeadersMiddleware:
    """Permissions-Policy on every answer, and no-store on every answer that may be private.

    A member's agenda, comments or attendance must not stay in a shared
    computer's browser cache (a library, a residential home) or in a proxy: every
    answer to a logged-in user, and every answer to an anonymous visitor that is
    not a public page, is marked no-store (see _may_be_kept). Static files keep
    WhiteNoise's long-lived caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PORTAL_PERMISSIONS_POLICY.items()
        )
        self.static_prefix = "/" + settings.STATIC_URL.lstrip("/")

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        if not request.path_info.startswith(self.static_prefix) and not _may_be_kept(
            request, response
        ):
            add_never_cache_headers(response)
        return response
