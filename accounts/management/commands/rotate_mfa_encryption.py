from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.mfa import protect_all


class Command(BaseCommand):
    help = (
        "Re-encrypts every two-factor secret with the first PORTAL_MFA_ENCRYPTION_KEY, "
        "so that older keys listed after it can be removed."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = protect_all(Authenticator, rotate=True)
        self.stdout.write(f"Re-encrypted {count} authenticator(s).")
