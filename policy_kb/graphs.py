"""Server-rendered relation graphs: positions for an SVG drawn by the templates (no JavaScript)."""

import math
from dataclasses import dataclass

from django.utils.translation import get_language

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


@dataclass
class PlacedNode:
    ref: object
    x: float
    y: float
    label: str
    short: str
    fill: str
    stroke: str
    centre: bool = False


@dataclass
class PlacedEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    source: object
    target: object
    interpretation: bool


def _short(text, limit=16):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _place(ref, x, y, language, centre=False):
    label = ref.label(language)
    return PlacedNode(
        ref, round(x), round(y), label, _short(label), KIND_COLOURS[ref.kind], KIND_STROKES[ref.kind], centre
    )


def _edges(placed, graph_edges, language):
    out = []
    for edge in graph_edges:
        a, b = placed.get(edge.source.key), placed.get(edge.target.key)
        if a and b:
            out.append(
                PlacedEdge(a.x, a.y, b.x, b.y, str(relation_wording(edge.relation_type)), a, b, edge.interpretation)
            )
    return out


def record_graph(record, depth=2):
    """The record at the centre, its neighbours on a first ring, theirs on a second."""
    language = (get_language() or "ja")[:2]
    refs, graph_edges = neighbourhood(record, depth=depth)
    centre = registry.ref(record)
    rings = {centre.key: 0}
    frontier = [centre.key]
    while frontier:
        following = []
        for key in frontier:
            for edge in graph_edges:
                for a, b in ((edge.source.key, edge.target.key), (edge.target.key, edge.source.key)):
                    if a == key and b not in rings:
                        rings[b] = rings[key] + 1
                        following.append(b)
        frontier = following
    size, middle = 720, 360
    placed = {centre.key: _place(centre, middle, middle, language, centre=True)}
    for ring in (1, 2):
        keys = sorted((k for k, r in rings.items() if r == ring), key=lambda k: (refs[k].kind, k))
        radius = 150 * ring
        for index, key in enumerate(keys):
            angle = 2 * math.pi * index / max(len(keys), 1) - math.pi / 2 + (0.3 if ring == 2 else 0)
            placed[key] = _place(
                refs[key], middle + radius * math.cos(angle), middle + radius * math.sin(angle), language
            )
    return {
        "size": size,
        "nodes": list(placed.values()),
        "edges": _edges(placed, graph_edges, language),
        "text_edges": graph_edges,
        "legend": _legend(placed.values()),
    }


def knowledge_base_graph(kinds=None):
    """Every record that has a link, in one column per kind."""
    language = (get_language() or "ja")[:2]
    graph_edges = edges(kinds=kinds)
    refs = {}
    for edge in graph_edges:
        refs[edge.source.key] = edge.source
        refs[edge.target.key] = edge.target
    order = ["incident", "node", "document", "article", "amendment", "organisation"]
    columns = [k for k in order if any(r.kind == k for r in refs.values())]
    placed, height = {}, 0
    for column, kind in enumerate(columns):
        keys = sorted((k for k, r in refs.items() if r.kind == kind), key=lambda k: refs[k].label(language))
        for row, key in enumerate(keys):
            placed[key] = _place(refs[key], 90 + column * 190, 40 + row * 34, language)
        height = max(height, 40 + len(keys) * 34)
    return {
        "width": max(190 * len(columns), 400),
        "height": max(height, 120),
        "nodes": list(placed.values()),
        "edges": _edges(placed, graph_edges, language),
        "text_edges": graph_edges,
        "legend": _legend(placed.values()),
    }


def _legend(nodes):
    kinds = sorted({node.ref.kind for node in nodes})
    return [(registry.kinds[kind].plural, KIND_COLOURS[kind], KIND_STROKES[kind]) for kind in kinds]
