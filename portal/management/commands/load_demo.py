from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.demo import load_demo

FORCE_FLAG = "--force-insecure-demo"


class Command(BaseCommand):
    help = (
        "Loads (or refreshes) the demo municipality. Safe to run any number of times. "
        f"Refuses with DJANGO_DEBUG off unless {FORCE_FLAG} is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            FORCE_FLAG,
            action="store_true",
            dest="force_insecure_demo",
            help="Load the demo even with DJANGO_DEBUG off (its passwords are public).",
        )

    def handle(self, *args, **options):
        # The demo users' password is printed below and written in the README: on a real
        # installation (debug off) they would be open doors. Tests, benchmarks and the
        # Celery check load it with debug off on purpose, and say so with the flag.
        if not settings.DEBUG and not options["force_insecure_demo"]:
            raise CommandError(
                _(
                    "Demo-data indlæses ikke, når DJANGO_DEBUG er slået fra: demo-brugernes "
                    "adgangskode er offentlig. Brug %(flag)s, hvis det er en test-installation."
                )
                % {"flag": FORCE_FLAG}
            )
        ctx = load_demo()
        for line in ctx.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(_("Demo Kommune er klar.")))
        self.stdout.write(
            _("Demo-logins (adgangskode for alle: %(password)s):") % {"password": ctx.password}
        )
        for role, user in ctx.users.items():
            self.stdout.write(f"  {role:<22} {user.email}")
