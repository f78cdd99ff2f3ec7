import re

from django.db import connection

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"')


def without_csrf(html: str) -> str:
    """A page's HTML without the per-request CSRF token, so two renderings compare."""
    return _CSRF.sub("", html)


def tables_containing(*needles) -> list[str]:
    """Every (table.column) of every table whose value contains one of ``needles``,
    case-insensitively: each column is cast to text, history tables included."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            for column in columns:
                quoted = (
                    f"{connection.ops.quote_name(table)}.{connection.ops.quote_name(column.name)}"
                )
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "
                        f"WHERE LOWER(CAST({quoted} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name} ∋ {needle}")
    return found
