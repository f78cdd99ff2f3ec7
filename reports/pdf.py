"""WeasyPrint rendering: the same HTML always gives the same PDF bytes.

The document is rendered offline: WeasyPrint may read the portal's own static files and
``data:`` URLs, nothing else. A report's text is written by staff and its bilag are uploads;
without this, an ``<img src>`` or a CSS ``url()`` in them would make the worker fetch any
address it can reach (the cloud metadata service, the database's admin page, ``file:///etc``).
"""

import hashlib
import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import DataHandler, Request

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

# Relative URLs in the document (e.g. ``{% static %}``'s ``/static/…``) resolve against this
# address; it is never contacted (.invalid cannot exist), only recognised below.
DOCUMENT_BASE_URL = "https://portal.invalid/"


class PortalURLFetcher(URLFetcher):
    """Serves static files from disk and ``data:`` URLs; refuses every other URL."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            response = DataHandler().data_open(Request(url))  # noqa: S310 - data: only
            return URLFetcherResponse(url, response.read(), dict(response.headers))
        path = static_path(url)
        if path is None:
            raise ValueError(f"PDF rendering fetches nothing from outside the portal: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def _static_prefixes() -> list[str]:
    static_url = settings.STATIC_URL
    if not static_url.startswith(("/", "http://", "https://")):
        static_url = "/" + static_url
    if static_url.startswith(("http://", "https://")):
        return [static_url]
    return [
        DOCUMENT_BASE_URL.rstrip("/") + static_url,
        settings.PORTAL_BASE_URL.rstrip("/") + static_url,
    ]


def static_path(url: str) -> Path | None:
    """The file on disk behind a static URL of the portal, or None."""
    parts = urlsplit(url)
    bare = f"{parts.scheme}://{parts.netloc}{parts.path}"
    prefix = next((p for p in _static_prefixes() if bare.startswith(p)), None)
    if prefix is None:
        return None
    name = unquote(bare[len(prefix) :])
    if not name or name.startswith("/") or ".." in name.split("/") or "\\" in name:
        return None
    name = posixpath.normpath(name)
    candidates = []
    try:
        candidates.append(safe_join(str(settings.STATIC_ROOT), name))
    except SuspiciousFileOperation:
        return None
    found = finders.find(name)
    if found:
        candidates.append(found)
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file():
            return path
    return None


def render_pdf(document_html: str, *, identifier: str) -> tuple[bytes, int]:
    """Returns the tagged PDF/UA bytes and the page count."""
    document = HTML(
        string=document_html, base_url=DOCUMENT_BASE_URL, url_fetcher=PortalURLFetcher()
    ).render(**PDF_OPTIONS)
    pdf = document.write_pdf(pdf_identifier=identifier.encode(), **PDF_OPTIONS)
    return pdf, len(document.pages)


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return hashlib.sha256(data).hexdigest()
