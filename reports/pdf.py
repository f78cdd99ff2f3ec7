"""WeasyPrint rendering: the same HTML always gives the same PDF bytes."""

import hashlib

from weasyprint import HTML

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def render_pdf(document_html: str, *, identifier: str) -> tuple[bytes, int]:
    """Returns the tagged PDF/UA bytes and the page count."""
    document = HTML(string=document_html).render(**PDF_OPTIONS)
    pdf = document.write_pdf(pdf_identifier=identifier.encode(), **PDF_OPTIONS)
    return pdf, len(document.pages)


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return hashlib.sha256(data).hexdigest()
