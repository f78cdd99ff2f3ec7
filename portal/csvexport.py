"""CSV exports that open correctly in a Danish Excel.

UTF-8 with a byte-order mark (so Excel shows æøå) and semicolons between
fields (the list separator of a Danish Excel).
"""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

BOM = "\ufeff"


def csv_response(filename: str, headers: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return response
