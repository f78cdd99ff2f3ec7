import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.volume import VolumeError, generate


class Command(BaseCommand):
    help = (
        "Adds a municipality at realistic volume (scale 1: 50 councils, 2,000 meetings, "
        "100,000 comments …) for load benchmarks. Deterministic for a seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = the full municipality")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, scale, seed, **options):
        started = time.monotonic()
        try:
            ctx = generate(scale=scale, seed=seed)
        except VolumeError as error:
            raise CommandError(str(error)) from error
        # Fresh planner statistics: until autovacuum gets round to the new rows, PostgreSQL
        # guesses their distribution and picks sequential scans over 100,000 comments.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        for name, count in ctx.created.items():
            self.stdout.write(f"  {name:<24} {count:>8}")
        for app, seconds in ctx.timings:
            self.stdout.write(f"  {app:<24} {seconds:>7.1f} s", style_func=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"generate_volume --scale {scale:g} --seed {seed}: "
                f"{time.monotonic() - started:.1f} s"
            )
        )
