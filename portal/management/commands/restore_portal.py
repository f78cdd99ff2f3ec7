from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from portal.backup import BackupError, missing_files, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Restores a backup made by backup_portal: REPLACES the configured database and "
        "unpacks the files into MEDIA_ROOT. Then run migrate (docs/OPERATIONS.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--input", dest="folder", required=True, help="The backup folder.")
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing the database."
        )

    def handle(self, *args, folder, database, yes, **options):
        folder = Path(folder)
        try:
            manifest = read_manifest(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        target = connections[database].settings_dict["NAME"]
        self.stdout.write(
            f"Backup of {manifest['created']} ({manifest['database']['vendor']}, "
            f"{manifest['media']['files']} files) into database {target} and {settings.MEDIA_ROOT}."
        )
        if not yes:
            if not self.stdin_is_tty():
                raise CommandError("Restoring replaces the database: confirm with --yes.")
            answer = input(f"Replace everything in database {target}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing restored.")
        try:
            restore_backup(folder, using=database)
        except (BackupError, OSError) as exc:
            raise CommandError(f"Restore failed: {exc}") from exc
        missing = missing_files(database)
        if missing:
            self.stderr.write(
                self.style.WARNING(f"{len(missing)} stored files are missing, e.g. {missing[0]}")
            )
        self.stdout.write(
            self.style.SUCCESS("Restored. Now run: manage.py migrate (brings an older backup up).")
        )

    @staticmethod
    def stdin_is_tty():
        import sys

        return sys.stdin.isatty()
