from django.conf import settings
from django.utils.cache import add_never_cache_headers

from portal.pagecache import PUBLIC_PAGES


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


def _shareable(request, response) -> bool:
    """Only what an anonymous visitor gets on a public page may be kept by a browser or proxy.

    The user is looked at last, and only for the public pages, so answers such as
    the health check never load a session.
    """
    if response.status_code != 200:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in PUBLIC_PAGES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class SecurityHeadersMiddleware:
    """Permissions-Policy on every answer, and no-store on every answer that may be private.

    A member's agenda, comments or attendance must not stay in a shared
    computer's browser cache (a library, a residential home) or in a proxy: every
    answer to a logged-in user, and every answer that is not an anonymous
    public page (see portal/pagecache.py), is marked no-store. Static files
    keep WhiteNoise's long-lived caching.
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
        if not request.path_info.startswith(self.static_prefix) and not _shareable(
            request, response
        ):
            add_never_cache_headers(response)
        return response
