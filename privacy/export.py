"""Everything the portal holds about one person, as one ZIP (GDPR art. 15 and 20)."""

import io
import json
import zipfile
from pathlib import PurePath

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.personaldata import kinds


def collect(user) -> list[dict]:
    sections = []
    for kind in kinds():
        if not kind.rows or not kind.serialize:
            continue
        rows = list(kind.rows(user))
        sections.append(
            {
                "name": kind.name,
                "label": str(kind.label),
                "rows": [kind.serialize(row) for row in rows],
                "files": [
                    file for row in rows for file in (kind.files(row) if kind.files else []) if file
                ],
            }
        )
    return sections


def build_zip(user) -> bytes:
    sections = collect(user)
    generated = timezone.now()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            names = []
            for number, file in enumerate(section.pop("files"), start=1):
                name = f"filer/{section['name']}/{number}-{PurePath(file.name).name}"
                try:
                    with file.open("rb") as handle:
                        archive.writestr(name, handle.read())
                except FileNotFoundError:
                    continue
                names.append(name)
            section["file_names"] = names
        data = {"genereret": generated, "bruger_id": user.pk, "kategorier": sections}
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        with translation.override("da"):
            html = render_to_string(
                "privacy/export_summary.html",
                {"person": user, "sections": sections, "generated": generated},
            )
        archive.writestr("oversigt.html", html)
    return buffer.getvalue()


def zip_filename(user) -> str:
    return f"mine-data-{user.pk}-{timezone.localdate():%Y-%m-%d}.zip"
