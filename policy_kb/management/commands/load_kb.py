"""Load the knowledge base: every act with its text and English, the strategy, incidents, glossary and index."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.bulk import bulk_load
from core.history import record_baseline
from incidents.services import load_incidents
from laws.services import (
    ContentError,
    SourceBook,
    apply_english,
    import_from_data_dir,
    load_act,
    load_glossary,
    load_sources,
    read_json,
)
from laws.statute import StatuteFormatError
from policy_kb.search import rebuild_index
from strategy.services import load_strategy

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def act_fixtures(folder):
    """The act fixtures of a folder: [(records path, English path or None)], one per act, by file name."""
    pairs = []
    for path in sorted(Path(folder).glob("*.json")):
        if not path.name.endswith(".en.json"):
            english = path.with_name(path.name.removesuffix(".json") + ".en.json")
            pairs.append((path, english if english.exists() else None))
    return pairs


class Command(BaseCommand):
    help = "Create what is missing from fixtures/ and the data directory; never overwrites existing records."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", default=str(FIXTURES), help="Folder of the knowledge-base fixtures.")
        parser.add_argument("--data-dir", default=str(settings.POLICY_KB_DATA_DIR), help="Statute text folder.")

    def handle(self, *args, fixtures, data_dir, **options):
        fixtures = Path(fixtures)
        statuses, english = {}, 0
        try:
            with transaction.atomic(), bulk_load():
                book = SourceBook()
                if (fixtures / "sources.json").exists():
                    book.file = str(fixtures / "sources.json")
                    load_sources(data=read_json(fixtures / "sources.json"), book=book)
                for records, translation in act_fixtures(fixtures / "laws"):
                    book.file = str(records)
                    try:
                        act = load_act(data=read_json(records), sources=book)
                    except ContentError as error:
                        raise ContentError(f"{records}: {error}") from None
                    if Path(data_dir).is_dir():
                        for key, status in import_from_data_dir(act=act, data_dir=data_dir, stream=self.stderr).items():
                            statuses[f"{act.slug} {key}"] = status
                    if translation is not None:
                        english += apply_english(act=act, data=read_json(translation))
                for name, loader in (
                    ("strategy.json", load_strategy),
                    ("incidents.json", load_incidents),
                    ("glossary.json", load_glossary),
                ):
                    path = fixtures / name
                    if path.exists():
                        book.file = str(path)
                        try:
                            loader(data=read_json(path), sources=book)
                        except ContentError as error:
                            raise ContentError(f"{path}: {error}") from None
                        except KeyError as error:
                            raise ContentError(f"{path}: missing field {error}") from None
                count = rebuild_index()
                recorded = record_baseline()
        except (ContentError, StatuteFormatError) as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        for key, status in statuses.items() or {"(all)": "data directory not found"}.items():
            self.stdout.write(f"statute text {key}: {status}")
        self.stdout.write(f"English set on {english} provisions; search index: {count} entries.")
        self.stdout.write(f"History: {recorded} loaded records got their first version.")
        self.stdout.write(self.style.SUCCESS("Knowledge base loaded."))
