"""The link network: every typed link between records, read in both directions from the registered link stores.

Links are stored where their app keeps them (strategy.ProvisionLink, incidents.IncidentLink,
strategy.OrganisationRelation, Document.supersedes / revises / amending_act); each app registers those
stores and its record kinds in core.records, and this module reads them all as edges between record keys
such as `article:basic-act-on-cybersecurity:25`, `document:cs-strategy-2015`, `incident:opm-2015`.
"""

from core.i18n import reader_language
from core.links import edge_from, view_from
from core.records import registry


def edges(record=None, kinds=None, preview=False):
    """Every Edge readers may see, or only those touching `record` (a record instance); kinds: keep only edges
    whose two ends are of these kinds; preview: `record` is shown to an editor although readers may not see it
    (a draft), so its own links are kept. A link touching any other record readers may not see is left out
    (RecordKind.public, LinkStore.ends). One query per link store either way."""
    if record is not None:
        kind = registry.kind_of(record)
        key = kind.ref(record).key
    exempt = (kind.key, record.pk) if record is not None and preview else None
    out = []
    for store in registry.link_stores:
        queryset = store.queryset()
        if record is not None:
            condition = store.touching(kind.key, [record.pk])
            if condition is None:
                continue
            queryset = queryset.filter(condition)
        visible = registry.public_condition(store, exempt)
        if visible is not None:
            queryset = queryset.filter(visible)
        for link in queryset:
            for spec in store.edges(link):
                edge = edge_from(spec)
                if record is None or key in (edge.source.key, edge.target.key):
                    out.append(edge)
    if kinds:
        out = [edge for edge in out if edge.source.kind in kinds and edge.target.kind in kinds]
    return out


def grouped_links(record, language=None, preview=False):
    """A record's links grouped by how they read from it, then by the other record's kind:
    [(wording, [(kind plural label, [LinkView sorted by label])])], wordings in alphabetical order.
    preview: an editor sees a draft record with its links (see edges)."""
    language = reader_language(language)
    key = registry.key(record)
    groups = {}
    for edge in edges(record, preview=preview):
        view = view_from(edge, key)
        groups.setdefault(view.wording, {}).setdefault(view.other.kind, []).append(view)
    result = []
    for wording in sorted(groups):
        by_kind = groups[wording]
        result.append(
            (
                wording,
                [
                    (registry.kinds[kind].plural, sorted(views, key=lambda v: v.other.label(language)))
                    for kind, views in sorted(by_kind.items(), key=lambda pair: registry.kinds[pair[0]].order)
                ],
            )
        )
    return result


def neighbourhood(record, depth=2, kinds=None):
    """The record's neighbours to `depth`: ({key: Ref}, [Edge]) from one read of the edge list (what readers
    may see, so a draft previewed by an editor stands alone)."""
    all_edges = edges(kinds=kinds)
    centre = registry.ref(record)
    seen = {centre.key}
    frontier = {centre.key}
    for _level in range(depth):
        following = set()
        for edge in all_edges:
            if edge.source.key in frontier and edge.target.key not in seen:
                following.add(edge.target.key)
            if edge.target.key in frontier and edge.source.key not in seen:
                following.add(edge.source.key)
        seen |= following
        frontier = following
    kept = [e for e in all_edges if e.source.key in seen and e.target.key in seen]
    refs = {centre.key: centre}
    for edge in kept:
        refs[edge.source.key] = edge.source
        refs[edge.target.key] = edge.target
    return refs, kept
