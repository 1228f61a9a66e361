"""Loading the glossary fixture: create the terms that are missing, never overwrite an editor's record."""

from django.db import transaction

from laws.models import Term

from .acts import resolve_law_reference
from .loading import SourceBook, bilingual


@transaction.atomic
def load_glossary(*, data, sources=None):
    """Create the glossary terms of fixtures/glossary.json that do not exist yet.

    sources: the SourceBook of the load (a fresh one by default). Raises ContentError."""
    sources = sources if sources is not None else SourceBook()
    for entry in data.get("terms", []):
        if Term.objects.filter(slug=entry["slug"]).exists():
            continue
        defined = resolve_law_reference(entry.get("defined_in")) if entry.get("defined_in") else {}
        Term.objects.create(
            slug=entry["slug"],
            reading=entry.get("reading", ""),
            defined_in=defined.get("identity"),
            defined_in_paragraph=defined.get("paragraph"),
            source=sources.get(entry.get("source"), f"term {entry['slug']}"),
            aliases_ja=", ".join(entry.get("aliases_ja", [])),
            aliases_en=", ".join(entry.get("aliases_en", [])),
            **bilingual(entry, "term", "definition"),
        )
