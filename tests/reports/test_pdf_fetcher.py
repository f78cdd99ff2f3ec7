"""PDF rendering fetches nothing: only the portal's static files and data: URLs are read."""

import http.server
import io
import threading

import pytest
from pypdf import PdfReader

from reports.pdf import PortalURLFetcher, render_pdf, static_path


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        body = b"h1::before { content: 'FETCHED' }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.requests
    httpd.shutdown()
    httpd.server_close()


def _text(html):
    pdf, _pages = render_pdf(html, identifier="test")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_rendering_makes_no_request_whatever_the_document_references(server):
    base, requests = server
    html = f"""<html lang="da"><head><title>t</title>
      <link rel="stylesheet" href="{base}/link.css">
      <style>
        @import url("{base}/import.css");
        @font-face {{ font-family: X; src: url("{base}/font.woff2"); }}
        body {{ background: url("{base}/bg.png"); }}
      </style></head>
      <body><h1>Rapport</h1><img src="{base}/img.png" alt="x">
      <img src="//127.0.0.1:{base.rsplit(":", 1)[1]}/proto-relative.png" alt="y">
      <object data="{base}/object.svg"></object></body></html>"""
    text = _text(html)
    assert requests == []
    assert "FETCHED" not in text and "Rapport" in text


def test_a_file_url_is_refused(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("h1::before { content: 'SECRETFILE' }")
    html = (
        f'<html lang="da"><head><title>t</title><link rel="stylesheet" href="{secret.as_uri()}">'
        '</head><body><h1>Rapport</h1><img src="file:///etc/passwd" alt="x"></body></html>'
    )
    assert "SECRETFILE" not in _text(html)
    for url in ("file:///etc/passwd", secret.as_uri(), "ftp://127.0.0.1/x", "https://example.org/"):
        with pytest.raises(ValueError):
            PortalURLFetcher().fetch(url)


def test_the_portals_static_files_and_data_urls_are_served(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "print-test.css").write_text("h1::before { content: 'STATICOK ' }")
    data_css = "data:text/css,h2::before%20%7B%20content%3A%20'DATAOK%20'%20%7D"
    html = (
        '<html lang="da"><head><title>t</title>'
        '<link rel="stylesheet" href="/static/reports/print-test.css">'
        f'<link rel="stylesheet" href="{data_css}"></head>'
        "<body><h1>Rapport</h1><h2>Afsnit</h2></body></html>"
    )
    text = _text(html)
    assert "STATICOK" in text and "DATAOK" in text


def test_the_apps_own_static_files_are_found_without_collectstatic(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path  # empty: the finders must supply it
    path = static_path("https://portal.invalid/static/reports/report.css")
    assert path is not None and path.name == "report.css"
    absolute = static_path(settings.PORTAL_BASE_URL.rstrip("/") + "/static/reports/report.css")
    assert absolute == path


@pytest.mark.parametrize(
    "url",
    [
        "https://portal.invalid/static/../../../etc/passwd",
        "https://portal.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://portal.invalid/static//etc/passwd",
        "https://portal.invalid/static/..%5c..%5cetc%5cpasswd",
        "https://portal.invalid/media/reports/renditions/1/1.pdf",
        "https://portal.invalid.example.org/static/reports/report.css",
    ],
)
def test_nothing_outside_the_static_files_is_served(url):
    assert static_path(url) is None
    with pytest.raises(ValueError):
        PortalURLFetcher().fetch(url)
