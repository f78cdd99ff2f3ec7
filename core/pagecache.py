"""A short-lived cache of what anonymous visitors see on the busiest public pages.

Only the pages named in PUBLIC_PAGES, only for visitors who are not logged in
and carry no session or pending messages, only GET/HEAD, only plain 200 HTML
answers. What an anonymous visitor sees is public by the pages' own
visibility rules, so one copy per address and language serves them all;
members-only content never reaches this cache because a logged-in request
never reads or fills it. Changes show up after PORTAL_PAGE_CACHE_SECONDS at
the latest.

Every page carries a CSRF token (language switcher, htmx header), and a token
belongs to one visitor's cookie: the stored copy holds a marker instead, and
each visitor gets a fresh token of their own when the copy is served.

The copies live in the "pages" cache when settings define one (Redis without a
fallback: while Redis is down the page cache is simply off), else in the
default cache. Any error from the cache is logged and the page is built as if
nothing were cached: the cache may speed the site up, never take it down.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

# URL names (namespace:name) whose anonymous answer is public and expensive to build.
PUBLIC_PAGES = frozenset(
    {
        "home",
        "councils:list",
        "policies:policy_list",
        "policies:overview",
        "actionplans:plan_list",
        "actionplans:plan_detail",
        "reports:archive",
        "reports:published_detail",
    }
)
MARKER = "__portal_csrf_token__"
# The rendered token is written into the page as the csrfmiddlewaretoken input's value.
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
HEADER = "X-Portal-Page-Cache"
logger = logging.getLogger("core.pagecache")


def page_cache():
    return caches["pages" if "pages" in settings.CACHES else "default"]


def _read(key):
    try:
        return page_cache().get(key)
    except Exception:
        logger.warning("Page cache unreadable; serving an uncached page", exc_info=True)
        return None


def _write(key, content) -> bool:
    try:
        page_cache().set(key, content, settings.PORTAL_PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Page cache not writable; page not kept", exc_info=True)
        return False
    return True


def _key(request) -> str:
    raw = f"{request.get_full_path()}|{get_language()}"
    return "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _cacheable_request(request) -> bool:
    if settings.PORTAL_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in PUBLIC_PAGES:
        return False
    # A session may hold messages or a half-finished login; such visitors get a fresh page.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not request.user.is_authenticated


def _storable(response) -> str | None:
    """The page with its CSRF token replaced by the marker, or None if it must not be kept."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or not response.get("Content-Type", "").startswith("text/html")
        or any(word in response.get("Cache-Control", "") for word in ("private", "no-"))
    ):
        return None
    content = response.content.decode(response.charset)
    found = TOKEN_RE.search(content)
    if found is None:
        # A page without the usual token input might hold a token elsewhere: keep none.
        return None
    return content.replace(found.group(1), MARKER)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_portal_page_cache_key", None)
        if key is not None:
            content = _storable(response)
            if content is not None and _write(key, content):
                response[HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _cacheable_request(request):
            return None
        key = _key(request)
        content = _read(key)
        if content is None:
            request._portal_page_cache_key = key
            return None
        response = HttpResponse(content.replace(MARKER, get_token(request)))
        response[HEADER] = "hit"
        patch_vary_headers(response, ["Cookie"])
        return response
