"""The import_kb command: a file written by export_kb loaded into an empty database (restore)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from policy_kb.opendata.backup import import_file, non_empty


class Command(BaseCommand):
    help = (
        "Load a file written by export_kb into an empty database (after migrate), in one transaction, then "
        "rebuild the search index. Accounts come back without passwords: set them with changepassword."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by export_kb")

    def handle(self, *args, path, **options):
        if not Path(path).is_file():
            raise CommandError(f"No file at {path}.")
        if not path.endswith(".json"):
            raise CommandError("A backup file written by export_kb ends in .json.")
        full = non_empty()
        if full:
            raise CommandError(
                "The database already holds content (" + ", ".join(full[:5]) + ("…" if len(full) > 5 else "") + "). "
                "import_kb restores into an empty database: create a new one and run migrate first."
            )
        with transaction.atomic():
            import_file(Path(path).resolve(), stdout=self.stdout)
        self.stderr.write(f"Knowledge base restored from {path}.")
