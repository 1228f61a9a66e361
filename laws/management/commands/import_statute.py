"""Import one version of the Act's Japanese text from a plain-text file (format: SOURCES.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from laws.models import Act, Version
from laws.services import import_version, lineage_map, read_json
from laws.statute import StatuteFormatError

ACT_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "laws" / "act.json"


class Command(BaseCommand):
    help = "Import a version's text in one transaction; a malformed line stops it with nothing written."

    def add_arguments(self, parser):
        parser.add_argument("version", choices=[key for key, _label in Version.Key.choices])
        parser.add_argument("--file", help="Text file (default: the version's file in POLICY_KB_DATA_DIR).")
        parser.add_argument("--force", action="store_true", help="Re-import even if the checksum is unchanged.")

    def handle(self, *args, version, file=None, force=False, **options):
        act = Act.objects.order_by("pk").first()
        if act is None:
            raise CommandError("No act in the database: run `manage.py load_kb` first.")
        record = act.versions.get(key=version)
        path = Path(file) if file else Path(settings.POLICY_KB_DATA_DIR) / record.source_file
        if not path.is_file():
            raise CommandError(f"{path}: no such file (set POLICY_KB_DATA_DIR or pass --file).")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 ({error.reason} at byte {error.start}); nothing written.") from None
        try:
            done = import_version(
                version=record,
                text=text,
                filename=str(path),
                force=force,
                numbering=lineage_map(read_json(ACT_FIXTURE), version),
                progress=self.stderr,
            )
        except StatuteFormatError as error:
            raise CommandError(f"{error}; nothing written.") from None
        self.stdout.write(f"{version}: {'imported' if done else 'already imported, unchanged'} from {path}")
