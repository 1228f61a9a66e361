"""Load the knowledge base: fixtures, the statute text from the data directory, the English, the index."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.bulk import bulk_load
from incidents.services import load_incidents
from laws.services import (
    CHAPTER_TITLES_EN,
    ContentError,
    apply_chapter_titles,
    apply_english,
    import_from_data_dir,
    load_act,
    load_glossary,
    read_json,
)
from laws.statute import StatuteFormatError
from policy_kb.search import rebuild_index
from strategy.services import load_strategy

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = "Create what is missing from fixtures/ and the data directory; never overwrites existing records."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", default=str(FIXTURES), help="Folder of the knowledge-base fixtures.")
        parser.add_argument("--data-dir", default=str(settings.POLICY_KB_DATA_DIR), help="Statute text folder.")

    def handle(self, *args, fixtures, data_dir, **options):
        fixtures = Path(fixtures)
        try:
            with transaction.atomic(), bulk_load():
                act_data = read_json(fixtures / "laws" / "act.json")
                act = load_act(data=act_data)
                statuses = {}
                if Path(data_dir).is_dir():
                    statuses = import_from_data_dir(act=act, data=act_data, data_dir=data_dir, stream=self.stderr)
                apply_chapter_titles(act=act, titles=CHAPTER_TITLES_EN)
                english = apply_english(act=act, data=read_json(fixtures / "laws" / "basic-act.en.json"))
                for name, loader in (
                    ("strategy.json", load_strategy),
                    ("incidents.json", load_incidents),
                    ("glossary.json", load_glossary),
                ):
                    path = fixtures / name
                    if path.exists():
                        try:
                            loader(data=read_json(path))
                        except ContentError as error:
                            raise ContentError(f"{path}: {error}") from None
                        except KeyError as error:
                            raise ContentError(f"{path}: missing field {error}") from None
                count = rebuild_index()
        except (ContentError, StatuteFormatError) as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        for key, status in statuses.items() or {"(all)": "data directory not found"}.items():
            self.stdout.write(f"statute text {key}: {status}")
        self.stdout.write(f"English set on {english} provisions; search index: {count} entries.")
        self.stdout.write(self.style.SUCCESS("Knowledge base loaded."))
