"""Serving stored files through views that have already checked permission."""

from pathlib import PurePath

from django.http import FileResponse, Http404


def protected_file_response(field_file, *, download_name: str | None = None, inline=False):
    """A response for a FileField's file. The caller must have checked access first."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    name = download_name or PurePath(field_file.name).name
    response = FileResponse(handle, as_attachment=not inline, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
