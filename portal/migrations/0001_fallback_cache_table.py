"""The database cache table the Redis cache falls back on (portal/cache.py, settings.CACHES).

It exists whether or not Redis is configured, so switching REDIS_URL on needs no extra step.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "portal_cache_fallback"


def create_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_table, drop_table)]
