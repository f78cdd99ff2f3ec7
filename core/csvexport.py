"""CSV exports that open correctly in a Danish Excel.

UTF-8 with a byte-order mark (so Excel shows æøå) and semicolons between
fields (the list separator of a Danish Excel).
"""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

BOM = "\ufeff"
# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection); a leading apostrophe makes it plain text.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return f"'{value}"
    return value


def csv_response(filename: str, headers: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return response
