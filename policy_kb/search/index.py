"""Writing the search index: every record kind's entries, read from the record-kind registry."""

from django.db import transaction

from core.records import registry
from policy_kb.cache import advance_content_version
from policy_kb.models import SearchEntry

from .backends import backend
from .text import normalize, token_string


def to_model(entry):
    """The SearchEntry row of a core.records.IndexEntry, with its normalised texts and tokens."""
    title_ja, title_en = entry.title_ja or "", entry.title_en or ""  # translation columns may hold NULL
    body_ja, body_en = entry.body_ja or "", entry.body_en or ""
    extra = [text or "" for text in entry.extra]
    return SearchEntry(
        kind=entry.kind,
        object_key=entry.object_key,
        url=entry.url,
        anchor=entry.anchor,
        version=entry.version,
        superseded=entry.superseded,
        version_label_ja=entry.version_label_ja or "",
        version_label_en=entry.version_label_en or "",
        year=entry.year,
        title_ja=title_ja,
        title_en=title_en,
        body_ja=body_ja,
        body_en=body_en,
        normalized_title=normalize(f"{title_ja}\n{title_en}"),
        normalized_ja=normalize(body_ja),
        normalized_en=normalize(body_en),
        normalized_other=normalize("\n".join(extra)),
        title_tokens=token_string(title_ja, title_en),
        body_tokens=token_string(body_ja, body_en, *extra),
    )


def all_entries():
    """Every IndexEntry of every searched record kind readers may see, kind by kind in display order."""
    for kind in registry.searched():
        spec = kind.search
        yield from spec.entries(registry.public_rows(spec, spec.model_class.objects.all()))


@transaction.atomic
def rebuild_index():
    """Replace the whole index by the entries of every record. Returns the number of entries."""
    SearchEntry.objects.all().delete()
    rows = [to_model(entry) for entry in all_entries()]
    SearchEntry.objects.bulk_create(rows, batch_size=500)
    backend().refresh()
    advance_content_version()  # fragments that name entries (a glossary term's uses) are read anew
    return len(rows)


@transaction.atomic
def reindex(spec, rows=(), removed_keys=()):
    """Replace the entries of some rows of a SearchSpec's model (after an edit), and drop those of
    `removed_keys` (object keys of deleted rows or former keys of renamed ones). rows: model instances or a
    queryset; a row readers may not see (a draft) loses its entry and gets none."""
    rows = list(rows)
    keys = {spec.key(row) for row in rows} | set(removed_keys)
    SearchEntry.objects.filter(kind=spec.kind, object_key__in=keys).delete()
    if rows:
        queryset = registry.public_rows(spec, spec.model_class.objects.filter(pk__in=[row.pk for row in rows]))
        SearchEntry.objects.bulk_create([to_model(entry) for entry in spec.entries(queryset)])
    backend().refresh()
