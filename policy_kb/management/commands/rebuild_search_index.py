"""The rebuild_search_index command: the search index built again from every record."""

from django.core.management.base import BaseCommand

from policy_kb.search import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from scratch (one transaction)."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
