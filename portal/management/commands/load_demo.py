from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.demo import load_demo


class Command(BaseCommand):
    help = "Loads (or refreshes) the demo municipality. Safe to run any number of times."

    def handle(self, *args, **options):
        ctx = load_demo()
        for line in ctx.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(_("Demo Kommune er klar.")))
        self.stdout.write(
            _("Demo-logins (adgangskode for alle: %(password)s):") % {"password": ctx.password}
        )
        for role, user in ctx.users.items():
            self.stdout.write(f"  {role:<22} {user.email}")
