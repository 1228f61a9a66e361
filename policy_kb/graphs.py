"""Relation graphs for the templates: records and links read by policy_kb.relations, laid out by core.layout.graph.

A record's graph reads only its neighbourhood, one ring at a time, and draws at most GRAPH_NODES records (the
most relevant links first); the links it leaves out are counted and the page says so. The whole network is
drawn as counts between record kinds.
"""

from django.db.models import Count, Window
from django.utils.translation import get_language

from core.layout.graph import GraphLink, GraphNode, columns, radial
from core.links import edge_from
from core.records import Ref, registry
from core.relations import relation_wording
from core.urls import neutral_path

from .relations import exemption, link_groups, network_summary, touching_any, visible

KIND_COLOURS = {  # fill colours behind dark text: all give ≥ 7:1 contrast with #1a1a1a text
    "article": "#e8f1fe",
    "document": "#fff1c2",
    "node": "#e6f5ec",
    "incident": "#fde8e8",
    "organisation": "#efe8fd",
    "amendment": "#eeeeee",
    "term": "#e6f5ec",
    "sector": "#fdeedd",
}
KIND_STROKES = {
    "article": "#0017c1",
    "document": "#927200",
    "node": "#197a4b",
    "incident": "#ce0000",
    "organisation": "#5c2d91",
    "amendment": "#4d4d4d",
    "term": "#197a4b",
    "sector": "#a04a00",
}
NETWORK_COLUMNS = ["incident", "node", "document", "article", "amendment", "organisation", "sector"]  # from the left
GRAPH_NODES = 20  # records drawn at most in a record's graph, the record included
FIRST_RING = 8  # of which at most this many one link away
SECOND_RING_READ = 30  # links read per store for the second ring


def _node(record_ref, language):
    """A core.records.Ref as a GraphNode: its label in `language`, address and the colours of its kind."""
    kind = record_ref.kind
    return GraphNode(
        record_ref.key, kind, record_ref.label(language), record_ref.url, KIND_COLOURS[kind], KIND_STROKES[kind]
    )


def _links(graph_edges):
    """Edges (core.links) as GraphLinks labelled with the relation's wording; interpretations dashed."""
    return [
        GraphLink(edge.source.key, edge.target.key, str(relation_wording(edge.relation_type)), edge.interpretation)
        for edge in graph_edges
    ]


def _legend(placed):
    """[(kind's plural label, fill, stroke)] for the kinds drawn, in alphabetical order of kind."""
    kinds = sorted({node.kind for node in placed})
    return [(registry.kinds[kind].plural, KIND_COLOURS[kind], KIND_STROKES[kind]) for kind in kinds]


_second_ring_stores = {}


def second_ring_stores(kind):
    """The link stores read for the second ring round a record of `kind`: those that can hold links of any kind
    a link of that kind can lead to. Fixed per kind, so a page's queries do not depend on its neighbours."""
    if kind not in _second_ring_stores:
        stores = registry.link_stores
        near = sorted({other for other in registry.kinds for s in stores if s.touches(kind) and s.touches(other)})
        _second_ring_stores[kind] = [s for s in stores if any(s.touches(k) for k in near)], near
    return _second_ring_stores[kind]


def neighbourhood(record, depth=2, groups=None, preview=False):
    """The record's most relevant neighbours to `depth` (1 or 2), at most GRAPH_NODES records in all.

    Returns ({key: Ref}, [Edge], not drawn: the number of links of the drawn records left out). The first ring
    comes from link_groups (the links panel's read, passed as `groups` to share it: (groups, ends)); the second
    from one query per store of second_ring_stores(kind), each reading at most SECOND_RING_READ links of the
    first ring's records (most relevant first) and counting all of them. Links touching a record readers may not
    see (a draft) are neither drawn nor counted; preview: the record is a draft an editor sees, whose own links
    are kept (relations.link_groups, relations.visible).
    """
    kind = registry.kind_of(record)
    centre = kind.ref(record)
    link_groups_read, ends = groups if groups is not None else link_groups(record, preview=preview)
    exempt = exemption(record, preview)
    refs, kept, seen = {centre.key: centre}, [], set()
    ring = {}
    total = sum(group.total for group in link_groups_read)
    # The first ring in an order that does not depend on the reader's language (the panel sorts by wording).
    for group in sorted(link_groups_read, key=lambda g: (g.relation, not g.outgoing, registry.kinds[g.kind].order)):
        for view in group.views:
            other = view.other
            if other.key not in refs and len(refs) > FIRST_RING:
                continue
            refs[other.key] = other
            ring.setdefault(ends[other.key][0], []).append(ends[other.key][1])
            _keep(kept, seen, view.edge)
    if depth < 2:  # (a record without links still runs the second ring's queries: its cost does not vary)
        return refs, kept, max(total - len(kept), 0)
    stores, near = second_ring_stores(kind.key)
    ring = {k: ring.get(k, []) for k in near}
    for store in stores:
        condition = touching_any(store, ring)
        queryset = visible(store, store.queryset().filter(condition), exempt)
        own = store.touching(kind.key, [record.pk])
        if own is not None:
            queryset = queryset.exclude(own)  # the centre's own links are the first ring's
        rows = list(queryset.annotate(ring_total=Window(Count("pk"))).order_by(*store.relevance)[:SECOND_RING_READ])
        total += rows[0].ring_total if rows else 0
        for row in rows:
            for spec in store.edges(row):
                edge = edge_from(spec)
                ends_in = [e.key in refs for e in (edge.source, edge.target)]
                if all(ends_in) or (any(ends_in) and len(refs) < GRAPH_NODES):
                    refs.setdefault(edge.source.key, edge.source)
                    refs.setdefault(edge.target.key, edge.target)
                    _keep(kept, seen, edge)
    return refs, kept, max(total - len(kept), 0)


def _keep(kept, seen, edge):
    identity = (edge.source.key, edge.target.key, edge.relation_type)
    if identity not in seen:
        seen.add(identity)
        kept.append(edge)


def record_graph(record, depth=2, groups=None, preview=False):
    """The record at the centre, its most relevant neighbours on a first ring, theirs on a second.

    Returns {"width": px, "height": px, "nodes": [PlacedNode], "edges": [PlacedEdge], "text_edges": [core.links
    Edge], "legend": [(label, fill, stroke)], "not_drawn": links of the drawn records left out}; see neighbourhood()
    (groups, preview).
    """
    language = (get_language() or "ja")[:2]
    refs, graph_edges, not_drawn = neighbourhood(record, depth=depth, groups=groups, preview=preview)
    drawing = radial(
        _node(registry.ref(record), language), [_node(r, language) for r in refs.values()], _links(graph_edges)
    )
    drawn = {node.key for node in drawing.nodes}
    text_edges = [edge for edge in graph_edges if edge.source.key in drawn and edge.target.key in drawn]
    return {
        "width": drawing.width,
        "height": drawing.height,
        "nodes": list(drawing.nodes),
        "edges": list(drawing.edges),
        "text_edges": text_edges,
        "legend": _legend(drawing.nodes),
        "not_drawn": not_drawn + len(graph_edges) - len(text_edges),
    }


def knowledge_base_graph(kinds=None):
    """The whole network as counts: one box per record kind, one arrow per (source kind, relation, target kind)
    labelled with its number of links, only between `kinds` (record kind keys) when given.

    Returns {"width": px, "height": px, "nodes", "edges", "legend", "rows": [(source plural, relation wording,
    target plural, count, source kind, target kind)], "total": links}; one aggregate query per link store.
    """
    language = (get_language() or "ja")[:2]
    rows = network_summary(kinds)
    present = {kind for source, _relation, target, _count in rows for kind in (source, target)}
    nodes = [
        _node(Ref(kind, kind, str(registry.kinds[kind].plural), "", neutral_path("graph") + f"?kind={kind}"), language)
        for kind in NETWORK_COLUMNS
        if kind in present
    ]
    by_pair = {}
    for source, relation, target, count in rows:
        by_pair.setdefault((source, target), []).append((relation, count))
    links = [
        GraphLink(source, target, ", ".join(f"{relation_wording(r)} {c:,}" for r, c in relations))
        for (source, target), relations in by_pair.items()
    ]
    drawing = columns(nodes, links, NETWORK_COLUMNS)
    return {
        "width": drawing.width,
        "height": drawing.height,
        "nodes": list(drawing.nodes),
        "edges": list(drawing.edges),
        "legend": _legend(drawing.nodes),
        "rows": [
            (registry.kinds[s].plural, relation_wording(r), registry.kinds[t].plural, n, s, t) for s, r, t, n in rows
        ],
        "total": sum(row[3] for row in rows),
    }
