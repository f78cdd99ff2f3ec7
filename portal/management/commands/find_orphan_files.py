"""Finds stored files no row points at, and rows whose file is gone."""

from datetime import timedelta

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone


def file_fields():
    """(model, field) for every FileField of every installed model."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.concrete:
                yield model, field


def walk(storage, folder=""):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}" if folder else directory)


def find_orphans(min_age: timedelta):
    """Returns (orphan files as (storage, name), orphan rows as (label, pk, field, name))."""
    referenced, storages, missing = {}, {}, []
    for model, field in file_fields():
        storage = field.storage
        storages[id(storage)] = storage
        names = referenced.setdefault(id(storage), set())
        rows = model._default_manager.exclude(**{field.name: ""}).exclude(
            **{f"{field.name}__isnull": True}
        )
        for pk, name in rows.values_list("pk", field.name).iterator():
            names.add(name)
            if not storage.exists(name):
                missing.append((model._meta.label, pk, field.name, name))
    # A file a moment old may belong to a row still being written (a render, an upload).
    cutoff = timezone.now() - min_age
    orphans = []
    for key, storage in storages.items():
        if not storage.exists(""):
            continue
        for name in walk(storage):
            if name in referenced[key]:
                continue
            if storage.get_modified_time(name) > cutoff:
                continue
            orphans.append((storage, name))
    return sorted(orphans, key=lambda o: o[1]), missing


class Command(BaseCommand):
    help = (
        "Lists stored files that no row refers to, and rows whose file is missing. "
        "A dry run unless --delete is given; --delete removes orphan files only "
        "(rows are reported, never deleted)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Delete the orphan files.")
        parser.add_argument(
            "--min-age",
            type=int,
            default=3600,
            help="Only files older than this many seconds count as orphans (default 3600).",
        )

    def handle(self, *args, **options):
        orphans, missing = find_orphans(timedelta(seconds=options["min_age"]))
        self.stdout.write(f"Orphan files (no row refers to them): {len(orphans)}")
        for storage, name in orphans:
            if options["delete"]:
                storage.delete(name)
                self.stdout.write(f"  deleted {name}")
            else:
                self.stdout.write(f"  {name}")
        self.stdout.write(f"Orphan rows (their file is missing): {len(missing)}")
        for label, pk, field, name in missing:
            self.stdout.write(f"  {label} #{pk} {field}: {name}")
        if orphans and not options["delete"]:
            self.stdout.write("Dry run: nothing deleted. Run with --delete to remove the files.")
