from django.db import migrations
from django.db.models import F


def encrypt_secrets(apps, schema_editor):
    from accounts.mfa import protect_all

    # Idempotent: values that are already encrypted are left alone.
    protect_all(apps.get_model("mfa", "Authenticator"))


def decrypt_secrets(apps, schema_editor):
    from accounts.mfa import SECRET_FIELDS, SECRET_LIST_FIELDS, decrypt_secret, is_encrypted

    def plain(value):
        return decrypt_secret(value) if is_encrypted(value) else value

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=list(SECRET_FIELDS)):
        data = dict(authenticator.data)
        for field in SECRET_FIELDS[authenticator.type]:
            if field in data:
                data[field] = plain(data[field])
        for field in SECRET_LIST_FIELDS.get(authenticator.type, []):
            if isinstance(data.get(field), list):
                data[field] = [plain(value) for value in data[field]]
        authenticator.data = data
        authenticator.save(update_fields=["data"])


def sync_email_addresses(apps, schema_editor):
    # The login e-mail becomes each user's one allauth address, primary and verified.
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    for user in User.objects.all().iterator():
        EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
        address = EmailAddress.objects.filter(user=user).first()
        if address is None:
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        elif not (address.primary and address.verified):
            address.primary = address.verified = True
            address.save(update_fields=["primary", "verified"])


def fix_is_staff(apps, schema_editor):
    # Admin-site access follows the administrator role (a removed role used to leave it on).
    User = apps.get_model("accounts", "User")
    User.objects.exclude(is_staff=F("is_administrator")).update(is_staff=F("is_administrator"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_history"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [
        migrations.RunPython(encrypt_secrets, decrypt_secrets),
        migrations.RunPython(sync_email_addresses, migrations.RunPython.noop),
        migrations.RunPython(fix_is_staff, migrations.RunPython.noop),
    ]
