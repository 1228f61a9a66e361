"""Download a version of an act from e-Gov's law API v2 and import it (when the data directory is absent)."""

import datetime
import os
import re
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from laws.egov import EgovError, EgovFormatError, EgovNetworkError, fetch_law_data
from laws.models import Act
from laws.selectors import default_version
from laws.services import import_version
from laws.statute import StatuteFormatError

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_as_of(value):
    if not _DATE_RE.match(value or ""):
        raise CommandError(f"--as-of {value!r}: not a date in the form YYYY-MM-DD.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--as-of {value!r}: not a valid date ({error}).") from None


class Command(BaseCommand):
    help = (
        "Fetch an act's text as in force on a date from e-Gov's law API v2 (settings.EGOV_API_BASE), "
        "convert it to the plain-text format and import it into a version in one transaction; "
        "any error stops it with nothing written."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Our --version (which text to replace) takes the place of Django's --version (print Django's).
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("act", help="The act's slug, e.g. basic-act-on-cybersecurity; its e-Gov law ID is used.")
        parser.add_argument("--as-of", required=True, help="Date the text is in force on (YYYY-MM-DD).")
        parser.add_argument(
            "--version", help="The key of the version to replace (default: the act's version in force on --as-of)."
        )
        parser.add_argument("--save", help="Also write the converted text to this file (after a successful import).")
        parser.add_argument("--force", action="store_true", help="Re-import even if the checksum is unchanged.")

    def handle(self, *args, act, as_of, version=None, save=None, force=False, **options):
        date = parse_as_of(as_of)
        slug = act
        act = Act.objects.filter(slug=slug).first()
        if act is None:
            if not Act.objects.exists():
                raise CommandError("No act in the database: run `manage.py load_kb` first.")
            raise CommandError(f"No act {slug!r} in the database.")
        law_id = act.egov_law_id
        if date < act.promulgated:
            raise CommandError(f"--as-of {date}: before the act was promulgated ({act.promulgated}).")
        versions = list(act.versions.order_by("in_force_from"))
        record = next((v for v in versions if v.key == version), None) if version else default_version(versions, date)
        if record is None:
            known = ", ".join(v.key for v in versions) or "none: run `manage.py load_kb` first"
            raise CommandError(f"The act has no version {version!r} (versions: {known}).")
        version = record.key
        save_path = Path(save) if save else None
        if save_path is not None and not save_path.parent.is_dir():
            raise CommandError(f"--save {save_path}: no such directory.")

        try:
            url, data = fetch_law_data(law_id, date)
        except EgovNetworkError as error:
            raise CommandError(f"Network error: {error}; nothing written.") from None
        except EgovFormatError as error:
            raise CommandError(f"Unusable response: {error}; nothing written.") from None
        except EgovError as error:  # EgovHTTPError says "e-Gov answered HTTP 404 Not Found (…)"
            raise CommandError(f"{error}; nothing written.") from None
        if act.law_number_ja and data.law_num != act.law_number_ja:
            raise CommandError(
                f"{url}: the text is {data.law_num}, not {act.law_number_ja} ({act.title_ja}); nothing written."
            )
        self.stderr.write(f"Fetched {data.revision_id or law_id} (in force from {data.enforcement_date or '?'})")
        if record.in_force_from != date:
            self.stderr.write(
                f"Note: the {version} version is labelled as in force from {record.in_force_from}; "
                f"the text imported is the one in force on {date}."
            )

        filename = f"{url} (converted)"
        try:
            with transaction.atomic():
                done = import_version(
                    version=record,
                    text=data.text,
                    filename=filename,
                    force=force,
                    progress=self.stderr,
                )
                if save_path is not None:
                    _write_atomically(save_path, data.text)
        except StatuteFormatError as error:
            raise CommandError(f"Cannot import the converted text: {error}; nothing written.") from None
        except OSError as error:
            raise CommandError(f"--save {save_path}: {error}; nothing written.") from None
        status = "imported" if done else "already imported, unchanged"
        self.stdout.write(f"{version}: {status} from e-Gov {data.revision_id or law_id} (as of {date})")
        if save_path is not None:
            self.stdout.write(f"Text saved to {save_path}")


def _write_atomically(path, text):
    """Write next to the target, then rename: a failure leaves no partial file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
