"""Relation graphs: a record's neighbours on rings round it, or a whole network in one column per kind, in px.

Pure geometry (y grows downwards): keyed nodes and links in, positions out. The record pages and the
graph page draw them as SVG.
"""

import math
from dataclasses import dataclass

from .text import shorten

NODE_W, NODE_H = 156, 28  # px, the box each node is drawn as, centred on its position
SHORT_LABEL = 16  # characters of a label shown in the box; the full label is the box's <title>

RADIAL_SIZE = 720  # px, width and height of the ring drawing
RING_STEP = 150  # px between rings
RINGS = 2  # rings drawn; nodes further away are left out
OUTER_TURN = 0.3  # radians the outer ring is turned, so its nodes do not line up behind the inner ring's

COLUMN_STEP, ROW_STEP = 190, 34  # px between columns and between rows of the network
COLUMN_X0, ROW_Y0 = 90, 40  # px, centre of the first column and of the first row
MIN_WIDTH, MIN_HEIGHT = 400, 120


@dataclass(frozen=True)
class GraphNode:
    """A node: `key` (str, unique), `kind` (str; ring order and columns go by it), its `label` as shown, and
    what the drawing needs to draw it: `url`, `fill` and `stroke` colours."""

    key: str
    kind: str
    label: str
    url: str = ""
    fill: str = ""
    stroke: str = ""


@dataclass(frozen=True)
class GraphLink:
    """A directed link between node keys, with its `label` as shown; `dashed` for an interpretation."""

    source: str
    target: str
    label: str = ""
    dashed: bool = False


@dataclass(frozen=True)
class PlacedNode:
    """A node drawn as a box centred on (x, y) px, with its label `short`ened to fit."""

    node: GraphNode
    x: int
    y: int
    centre: bool = False

    @property
    def key(self):
        return self.node.key

    @property
    def kind(self):
        return self.node.kind

    @property
    def label(self):
        return self.node.label

    @property
    def url(self):
        return self.node.url

    @property
    def fill(self):
        return self.node.fill

    @property
    def stroke(self):
        return self.node.stroke

    @property
    def short(self):
        return shorten(self.node.label, SHORT_LABEL)

    @property
    def left(self):
        return self.x - NODE_W // 2

    @property
    def top(self):
        return self.y - NODE_H // 2


@dataclass(frozen=True)
class PlacedEdge:
    """A link drawn as a line from its source's centre (x1, y1) to its target's (x2, y2)."""

    x1: int
    y1: int
    x2: int
    y2: int
    label: str
    source: PlacedNode
    target: PlacedNode
    dashed: bool


@dataclass(frozen=True)
class Graph:
    """The drawing: `width` × `height` px, the placed nodes (in drawing order) and edges."""

    width: int
    height: int
    nodes: tuple
    edges: tuple


def _edges(placed, links):
    """A PlacedEdge for each link, in order, whose two ends are both placed."""
    out = []
    for link in links:
        a, b = placed.get(link.source), placed.get(link.target)
        if a and b:
            out.append(PlacedEdge(a.x, a.y, b.x, b.y, link.label, a, b, link.dashed))
    return tuple(out)


def distances(centre, links):
    """{key: steps from `centre`} over `links` taken in either direction (breadth first); `centre` is 0."""
    steps = {centre: 0}
    frontier = [centre]
    while frontier:
        following = []
        for key in frontier:
            for link in links:
                for a, b in ((link.source, link.target), (link.target, link.source)):
                    if a == key and b not in steps:
                        steps[b] = steps[key] + 1
                        following.append(b)
        frontier = following
    return steps


def radial(centre, nodes, links):
    """Node `centre` (a GraphNode) in the middle of a square, the nodes one link away on a ring round it,
    those two links away on a second ring (further ones are left out).

    `nodes` are the other GraphNodes (any order; one with the centre's key is ignored), `links` the GraphLinks
    between them. Each ring is filled clockwise from the top (the outer one turned by OUTER_TURN) in order of
    (kind, key), spaced evenly. Returns a Graph RADIAL_SIZE px square; edges are the links with both ends drawn.
    """
    by_key = {node.key: node for node in nodes}
    steps = distances(centre.key, links)
    middle = RADIAL_SIZE // 2
    placed = {centre.key: PlacedNode(centre, middle, middle, centre=True)}
    for ring in range(1, RINGS + 1):
        keys = sorted(
            (key for key, step in steps.items() if step == ring and key in by_key),
            key=lambda key: (by_key[key].kind, key),
        )
        radius = RING_STEP * ring
        for index, key in enumerate(keys):
            angle = 2 * math.pi * index / len(keys) - math.pi / 2 + (OUTER_TURN if ring == 2 else 0)
            x, y = middle + radius * math.cos(angle), middle + radius * math.sin(angle)
            placed[key] = PlacedNode(by_key[key], round(x), round(y))
    return Graph(RADIAL_SIZE, RADIAL_SIZE, tuple(placed.values()), _edges(placed, links))


def columns(nodes, links, kinds):
    """Every node in a column for its kind, `kinds` giving the columns' order from the left (kinds without a
    node take no column; nodes of a kind not listed are left out); in a column, nodes go down in order of label
    (ties keep the order of `nodes`).

    Returns a Graph at least MIN_WIDTH × MIN_HEIGHT px; edges are the links with both ends drawn.
    """
    present = [kind for kind in kinds if any(node.kind == kind for node in nodes)]
    placed, height = {}, 0
    for column, kind in enumerate(present):
        in_column = sorted((node for node in nodes if node.kind == kind), key=lambda node: node.label)
        for row, node in enumerate(in_column):
            placed[node.key] = PlacedNode(node, COLUMN_X0 + column * COLUMN_STEP, ROW_Y0 + row * ROW_STEP)
        height = max(height, ROW_Y0 + len(in_column) * ROW_STEP)
    return Graph(
        max(COLUMN_STEP * len(present), MIN_WIDTH),
        max(height, MIN_HEIGHT),
        tuple(placed.values()),
        _edges(placed, links),
    )
