"""Model instances and values from hand-written SQL, converted as the ORM converts them.

For the few reads on the busiest pages that are written out as one parameterised statement
(see councils.models.mark_meeting_opened, participation.selectors.answer_and_support): the
values come back exactly as a queryset would give them (SQLite returns datetimes as text,
for example), and instances are built with ``Model.from_db`` as the ORM builds them.
"""

from django.db import connections, router


class Columns:
    """The concrete columns of ``model`` under ``alias``, for a SELECT list, and the
    converters that turn the database's values into the ORM's."""

    def __init__(self, model, connection, alias=None):
        quote = connection.ops.quote_name
        meta = model._meta
        self.model = model
        self.fields = list(meta.concrete_fields)
        self.connection = connection
        self._pk_position = self.fields.index(meta.pk)
        prefix = f"{quote(alias)}." if alias else ""
        self.sql = ", ".join(f"{prefix}{quote(field.column)}" for field in self.fields)
        self._converters = []
        for position, field in enumerate(self.fields):
            column = field.get_col(meta.db_table)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if found:
                self._converters.append((position, column, found))

    def __len__(self):
        return len(self.fields)

    def convert(self, values):
        values = list(values)
        for position, column, converters in self._converters:
            value = values[position]
            for converter in converters:
                value = converter(value, column, self.connection)
            values[position] = value
        return values

    def instance(self, values):
        """The model instance of one row's values (in ``self.fields`` order), or None when the
        primary key is NULL (an outer join that found nothing)."""
        values = self.convert(values)
        if values[self._pk_position] is None:
            return None
        return self.model.from_db(
            self.connection.alias, [field.attname for field in self.fields], values
        )


def rows(model, *conditions, order_by=None, limit=None):
    """``model.objects.filter(…)`` as a list, for the few reads every logged-in request makes
    (the session, the user's seats, the units they staff): one parameterised SELECT of whole
    rows, without compiling a queryset on each request.

    ``conditions`` are ``(field name, operator, value)`` with the operators "=" and ">", the
    values prepared as the ORM prepares a lookup's; ``order_by`` a field name (ascending).
    """
    connection = connection_for_read(model)
    quote = connection.ops.quote_name
    meta = model._meta
    columns = Columns(model, connection)
    where, params = [], []
    for name, operator, value in conditions:
        if operator not in ("=", ">"):
            raise ValueError(f"unsupported operator {operator!r}")
        field = meta.get_field(name)
        where.append(f"{quote(field.column)} {operator} %s")
        params.append(field.get_db_prep_value(value, connection, prepared=False))
    sql = f"SELECT {columns.sql} FROM {quote(meta.db_table)} WHERE {' AND '.join(where)}"  # noqa: S608 - names from the model, quoted
    if order_by:
        field = meta.pk if order_by == "pk" else meta.get_field(order_by)
        sql += f" ORDER BY {quote(field.column)}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return [columns.instance(row) for row in found]


def first(model, *conditions):
    """The one row ``rows`` finds (``LIMIT 1``), or None."""
    found = rows(model, *conditions, limit=1)
    return found[0] if found else None


def convert_value(connection, field, value):
    """One value of ``field`` as the ORM would read it."""
    column = field.get_col(field.model._meta.db_table)
    for converter in connection.ops.get_db_converters(column) + field.get_db_converters(connection):
        value = converter(value, column, connection)
    return value


def connection_for_read(model):
    return connections[router.db_for_read(model)]
