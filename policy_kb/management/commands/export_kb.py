"""The export_kb command: the whole knowledge base written to one JSON file (backup; see import_kb)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from policy_kb.opendata.backup import export_text


class Command(BaseCommand):
    help = (
        "Write the whole knowledge base (content, links, sources, history, accounts without passwords) to one "
        "JSON file. Restore it with import_kb into an empty database, on SQLite or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to write (for example backup.json); - writes to standard output")

    def handle(self, *args, path, **options):
        text = export_text()
        if path == "-":
            self.stdout.write(text, ending="")
            return
        Path(path).write_text(text, encoding="utf-8")
        self.stderr.write(f"Knowledge base written to {path}.")
