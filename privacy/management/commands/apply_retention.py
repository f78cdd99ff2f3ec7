from django.core.management.base import BaseCommand

from core.personaldata import kinds
from privacy.retention import FORMER_MEMBERS, apply_retention


class Command(BaseCommand):
    help = "Applies the retention periods (slettefrister); --dry-run only counts."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = apply_retention(dry_run=dry_run)
        labels = {k.name: str(k.retention.label) for k in kinds() if k.retention}
        labels[FORMER_MEMBERS] = "Tidligere medlemmer og medarbejdere anonymiseres"
        verb = "would change" if dry_run else "changed"
        for name, count in counts.items():
            self.stdout.write(f"{name}: {verb} {count} ({labels[name]})")
