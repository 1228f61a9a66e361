"""Import one version of an act's Japanese text from a plain-text file (format: SOURCES.md of the data directory)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from laws.models import Act
from laws.services import import_version
from laws.statute import StatuteFormatError


class Command(BaseCommand):
    help = "Import a version's text in one transaction; a malformed line stops it with nothing written."

    def add_arguments(self, parser):
        parser.add_argument("act", help="The act's slug, e.g. basic-act-on-cybersecurity.")
        parser.add_argument("version", help="The version's key, e.g. current.")
        parser.add_argument("--file", help="Text file (default: the version's file in POLICY_KB_DATA_DIR).")
        parser.add_argument("--force", action="store_true", help="Re-import even if the checksum is unchanged.")

    def handle(self, *args, act, version, file=None, force=False, **options):
        record = Act.objects.filter(slug=act).first()
        if record is None:
            known = ", ".join(Act.objects.values_list("slug", flat=True)) or "none: run `manage.py load_kb` first"
            raise CommandError(f"No act {act!r} in the database (acts: {known}).")
        text_version = record.versions.filter(key=version).first()
        if text_version is None:
            known = ", ".join(record.versions.values_list("key", flat=True))
            raise CommandError(f"{act} has no version {version!r} (versions: {known}).")
        path = Path(file) if file else Path(settings.POLICY_KB_DATA_DIR) / text_version.source_file
        if not path.is_file():
            raise CommandError(f"{path}: no such file (set POLICY_KB_DATA_DIR or pass --file).")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 ({error.reason} at byte {error.start}); nothing written.") from None
        try:
            done = import_version(
                version=text_version, text=text, filename=str(path), force=force, progress=self.stderr
            )
        except StatuteFormatError as error:
            raise CommandError(f"{error}; nothing written.") from None
        self.stdout.write(f"{act} {version}: {'imported' if done else 'already imported, unchanged'} from {path}")
