"""On PostgreSQL the database itself keeps the access log append-only: UPDATE is refused,
and DELETE only while the retention job's transaction has set ``portal.retention = 'on'``."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_accesslog_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('portal.retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'audit_accesslog is append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_accesslog_guard
    BEFORE UPDATE OR DELETE ON audit_accesslog
    FOR EACH ROW EXECUTE FUNCTION audit_accesslog_guard();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_accesslog_guard ON audit_accesslog;
DROP FUNCTION IF EXISTS audit_accesslog_guard();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
