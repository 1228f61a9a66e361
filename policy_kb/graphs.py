"""Relation graphs for the templates: records and links read by policy_kb.relations, laid out by core.layout.graph."""

from django.utils.translation import get_language

from core.layout.graph import GraphLink, GraphNode, columns, radial
from core.records import registry
from core.relations import relation_wording

from .relations import edges, neighbourhood

KIND_COLOURS = {  # fill colours behind dark text: all give ≥ 7:1 contrast with #1a1a1a text
    "article": "#e8f1fe",
    "document": "#fff1c2",
    "node": "#e6f5ec",
    "incident": "#fde8e8",
    "organisation": "#efe8fd",
    "amendment": "#eeeeee",
    "term": "#e6f5ec",
}
KIND_STROKES = {
    "article": "#0017c1",
    "document": "#927200",
    "node": "#197a4b",
    "incident": "#ce0000",
    "organisation": "#5c2d91",
    "amendment": "#4d4d4d",
    "term": "#197a4b",
}
NETWORK_COLUMNS = ["incident", "node", "document", "article", "amendment", "organisation"]  # from the left


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


def record_graph(record, depth=2):
    """The record at the centre, its neighbours on a first ring, theirs on a second.

    Returns {"width": px, "height": px, "nodes": [PlacedNode], "edges": [PlacedEdge], "text_edges": [core.links
    Edge], "legend": [(label, fill, stroke)]}; one read of the link network (relations.neighbourhood).
    """
    language = (get_language() or "ja")[:2]
    refs, graph_edges = neighbourhood(record, depth=depth)
    drawing = radial(
        _node(registry.ref(record), language), [_node(r, language) for r in refs.values()], _links(graph_edges)
    )
    return {
        "width": drawing.width,
        "height": drawing.height,
        "nodes": list(drawing.nodes),
        "edges": list(drawing.edges),
        "text_edges": graph_edges,
        "legend": _legend(drawing.nodes),
    }


def knowledge_base_graph(kinds=None):
    """Every record that has a link (of `kinds`, a list of record kinds, if given), in one column per kind.

    Returns {"width": px, "height": px, "nodes", "edges", "text_edges", "legend"} as record_graph does.
    """
    language = (get_language() or "ja")[:2]
    graph_edges = edges(kinds=kinds)
    refs = {}
    for edge in graph_edges:
        refs[edge.source.key] = edge.source
        refs[edge.target.key] = edge.target
    drawing = columns([_node(r, language) for r in refs.values()], _links(graph_edges), NETWORK_COLUMNS)
    return {
        "width": drawing.width,
        "height": drawing.height,
        "nodes": list(drawing.nodes),
        "edges": list(drawing.edges),
        "text_edges": graph_edges,
        "legend": _legend(drawing.nodes),
    }
