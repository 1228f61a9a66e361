"""Loading the glossary fixture: create the terms that are missing, never overwrite an editor's record."""

from django.db import transaction

from laws.models import Term

from .acts import resolve_law_reference
from .loading import bilingual, get_or_create_source


@transaction.atomic
def load_glossary(*, data):
    """Create the glossary terms of fixtures/glossary.json that do not exist yet. Raises ContentError."""
    for entry in data.get("terms", []):
        if Term.objects.filter(slug=entry["slug"]).exists():
            continue
        defined = resolve_law_reference(entry.get("defined_in")) if entry.get("defined_in") else {}
        Term.objects.create(
            slug=entry["slug"],
            reading=entry.get("reading", ""),
            defined_in=defined.get("identity"),
            defined_in_paragraph=defined.get("paragraph"),
            source=get_or_create_source(entry.get("source")),
            aliases_ja=", ".join(entry.get("aliases_ja", [])),
            aliases_en=", ".join(entry.get("aliases_en", [])),
            **bilingual(entry, "term", "definition"),
        )
