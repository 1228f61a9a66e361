"""Every collection the site publishes (acts, provisions, documents, incidents, links…), by key.

Rows come only from public records (core.records.public_queryset), in a stable order, with identifiers that
are record keys or slugs, never database ids. The exports (exports.py) and the read API (api.py) read these
declarations; nothing else decides what a published row holds.
"""

from django.db.models import F, Sum, Window
from django.utils.translation import gettext_lazy as _

from core.links import edge_from
from core.records import public_keys, registry
from policy_kb.relations import edges, visible

from .columns import Collection, Column
from .data_incidents import INCIDENTS
from .data_laws import ACTS, AMENDMENTS, ARTICLES, GLOSSARY, PROVISIONS, SOURCES
from .data_strategy import DOCUMENTS, ORGANISATIONS, PARTS, SECTORS

# --- Typed links -------------------------------------------------------------------------------


def _public_edges():
    """Every typed link whose two records are public, in a stable order."""
    public = public_keys()
    kept = [edge for edge in edges() if edge.source.key in public and edge.target.key in public]
    return sorted(kept, key=lambda e: (e.source.key, e.relation_type, e.target.key, e.anchor, e.citation_ja))


def _links_page(start, stop):
    """(number of typed links readers may see, those from start to stop as Edges), in link-store order, then in
    the order of each store's rows. Two queries per link store whatever their number: the store's number of
    edges (a row may stand for several: LinkStore.edges_per_row) and the rows holding the page's edges, found by
    a running total of edges (a window), in the database."""
    total, page = 0, []
    for store in registry.link_stores:
        rows = visible(store, store.queryset()).annotate(edges_here=store.edges_per_row())
        count = rows.aggregate(edges=Sum("edges_here"))["edges"] or 0
        low, high = start - total, stop - total  # the page in this store's own numbering of edges
        upto = Window(Sum("edges_here"), order_by=F("pk").asc())
        for row in (
            rows.annotate(upto=upto).filter(upto__gt=max(low, 0), upto__lt=high + F("edges_here")).order_by("pk")
        ):
            first = row.upto - row.edges_here
            for offset, spec in enumerate(store.edges(row)):
                if low <= first + offset < high:
                    page.append(edge_from(spec))
        total += count
    return total, page


LINKS = Collection(
    key="links",
    label=_("Typed links"),
    id_column="",
    columns=(
        Column("source", str, lambda e: e.source.key),
        Column("source_kind", str, lambda e: e.source.kind),
        Column("relation", str, lambda e: e.relation_type),
        Column("target", str, lambda e: e.target.key),
        Column("target_kind", str, lambda e: e.target.kind),
        Column("anchor", str, lambda e: e.anchor),
        Column("citation_ja", str, lambda e: e.citation_ja),
        Column("citation_en", str, lambda e: e.citation_en),
        Column("note_ja", str, lambda e: getattr(e.link, "note_ja", "") or "" if e.link is not None else ""),
        Column("note_en", str, lambda e: getattr(e.link, "note_en", "") or "" if e.link is not None else ""),
        Column("evidence", str, lambda e: e.evidence.key if e.evidence is not None else None, optional=True),
        Column("interpretation", bool, lambda e: e.interpretation),
    ),
    rows=_public_edges,
    page=_links_page,
)

__all__ = ["BY_KIND", "COLLECTIONS", "PROVISIONS"]

COLLECTIONS = {
    collection.key: collection
    for collection in (
        ACTS,
        ARTICLES,
        AMENDMENTS,
        DOCUMENTS,
        PARTS,
        ORGANISATIONS,
        SECTORS,
        INCIDENTS,
        LINKS,
        GLOSSARY,
        SOURCES,
    )
}
"""The collections published at /data/<key>.<json|csv> and /api/v1/<key>/, by key, in display order."""

BY_KIND = {collection.kind: collection for collection in COLLECTIONS.values() if collection.kind}
"""The collection whose rows are the records of a record kind, by kind key."""
