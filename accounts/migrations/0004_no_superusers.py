"""The administrator role is the only source of rights: no account keeps Django's superuser
flag, which would answer yes to every permission before the portal's rules are asked."""

from django.db import migrations


def clear_superusers(apps, schema_editor):
    apps.get_model("accounts", "User").objects.filter(is_superuser=True).update(
        is_superuser=False, is_administrator=True, is_staff=True
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_encrypt_mfa_secrets_and_sync_email")]

    operations = [migrations.RunPython(clear_superusers, migrations.RunPython.noop)]
