from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Backs up the database and MEDIA_ROOT together into a new timestamped folder in "
        "--output, with a manifest of checksums (docs/OPERATIONS.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Folder to write the backup into.")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, output, database, **options):
        try:
            folder = create_backup(Path(output), using=database)
        except (BackupError, OSError) as exc:
            raise CommandError(f"Backup failed: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written: {folder}"))
