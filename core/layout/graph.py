"""Relation graphs: a record's neighbours on rings round it, or a whole network in one column per kind, in px.

Pure geometry (y grows downwards): keyed nodes and links in, positions out. The record pages and the graph page
draw them as SVG. Every box lies wholly inside the drawing, no two boxes overlap, and each label is wrapped
into its box (cut with an ellipsis after MAX_LINES lines; the drawing gives the full label as the box's
accessible name and title). Links run from the edge of one box to the edge of the other, so an arrow head is
never hidden under a box.
"""

import math
import re
from dataclasses import dataclass, field
from functools import cache

from .text import FONT_SIZE, name_lines

NODE_W = 168  # px, the width of every box
PADDING_X, PADDING_Y = 8, 6  # px between a box's border and its text
LINE_HEIGHT = 15  # px between the baselines of a label's lines
MAX_LINES = 4
MARGIN = 12  # px between the outermost boxes and the drawing's border
GAP = 10  # px kept free between two boxes

RING_STEP = 150  # px, the least distance from the centre to the first ring (and between rings)
RINGS = 2  # rings drawn; nodes further away are left out
OUTER_TURN = 0.3  # radians the outer ring is turned, so its nodes do not line up behind the inner ring's
RING_ASPECT = 1.6  # a ring is an ellipse this many times wider than tall: the boxes are wide
GROW = 12  # px a ring's vertical radius grows by until its boxes fit

COLUMN_STEP = NODE_W + 32  # px between the centres of two columns of the network
ROW_GAP = 8  # px between two boxes of a column
MIN_WIDTH, MIN_HEIGHT = 400, 120


def box_height(lines):
    """The height in px of a box holding `lines` lines of label."""
    return max(1, lines) * LINE_HEIGHT + 2 * PADDING_Y


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


@cache
def _lines(label):
    return tuple(name_lines(label, NODE_W - 2 * PADDING_X, max_lines=MAX_LINES))


@dataclass(frozen=True)
class PlacedNode:
    """A node drawn as a box NODE_W × `height` px centred on (x, y), its label broken into `lines`."""

    node: GraphNode
    x: int
    y: int
    centre: bool = False
    lines: tuple = field(default=())

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
    def width(self):
        return NODE_W

    @property
    def height(self):
        return box_height(len(self.lines))

    @property
    def left(self):
        return self.x - NODE_W // 2

    @property
    def top(self):
        return self.y - self.height // 2

    @property
    def right(self):
        return self.left + NODE_W

    @property
    def bottom(self):
        return self.top + self.height

    @property
    def text_y(self):
        """Baseline of the first line, so that the lines sit in the middle of the box."""
        return round(self.y - (len(self.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35, 1)

    def moved(self, dx, dy):
        return PlacedNode(self.node, self.x + dx, self.y + dy, self.centre, self.lines)

    def overlaps(self, other, gap=0):
        """True when the two boxes, each grown by gap / 2 px, share any point."""
        return (
            self.left < other.right + gap
            and other.left < self.right + gap
            and self.top < other.bottom + gap
            and other.top < self.bottom + gap
        )

    def border_point(self, towards_x, towards_y):
        """Where the segment from the box's centre towards (towards_x, towards_y) leaves the box."""
        dx, dy = towards_x - self.x, towards_y - self.y
        if dx == 0 and dy == 0:
            return float(self.x), float(self.y)
        scale = min(
            (NODE_W / 2) / abs(dx) if dx else math.inf,
            (self.height / 2) / abs(dy) if dy else math.inf,
        )
        scale = min(scale, 1.0)
        return self.x + dx * scale, self.y + dy * scale


def _natural(label):
    """A sort key reading runs of digits as numbers: Art. 2 before Art. 12."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", label)]


def _place(node, x, y, centre=False):
    return PlacedNode(node, round(x), round(y), centre, _lines(node.label))


@dataclass(frozen=True)
class PlacedEdge:
    """A link drawn as a line from the border of its source's box (x1, y1) to the border of its target's (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
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
    """A PlacedEdge for each link, in order, whose two ends are both placed, from box border to box border."""
    out = []
    for link in links:
        a, b = placed.get(link.source), placed.get(link.target)
        if a and b and a is not b:
            x1, y1 = a.border_point(b.x, b.y)
            x2, y2 = b.border_point(a.x, a.y)
            out.append(
                PlacedEdge(round(x1, 1), round(y1, 1), round(x2, 1), round(y2, 1), link.label, a, b, link.dashed)
            )
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


def _ring(nodes, radius_y, turn):
    """The nodes placed on an ellipse round (0, 0), clockwise from the top, evenly spaced."""
    count = len(nodes)
    return [
        _place(
            node,
            radius_y * RING_ASPECT * math.cos(2 * math.pi * index / count - math.pi / 2 + turn),
            radius_y * math.sin(2 * math.pi * index / count - math.pi / 2 + turn),
        )
        for index, node in enumerate(nodes)
    ]


def _fits(boxes, placed):
    return not any(a.overlaps(b, GAP) for i, a in enumerate(boxes) for b in boxes[i + 1 :] + placed)


def _framed(placed, minimum_width=0, minimum_height=0):
    """Shift the boxes so the outermost lie MARGIN px inside the drawing; (width, height, boxes)."""
    left = min(p.left for p in placed)
    top = min(p.top for p in placed)
    moved = [p.moved(MARGIN - left, MARGIN - top) for p in placed]
    width = max(max(p.right for p in moved) + MARGIN, minimum_width)
    height = max(max(p.bottom for p in moved) + MARGIN, minimum_height)
    return width, height, moved


def radial(centre, nodes, links):
    """Node `centre` (a GraphNode) in the middle, the nodes one link away on a ring round it, those two links
    away on a second ring (further ones are left out).

    `nodes` are the other GraphNodes (any order; one with the centre's key is ignored), `links` the GraphLinks
    between them. Each ring is an ellipse RING_ASPECT times wider than tall, filled clockwise from the top (the
    outer one turned by OUTER_TURN) in order of (kind, key), spaced evenly, and made just large enough (from
    RING_STEP px out, growing by GROW px) that no two boxes overlap. Returns a Graph framed round the boxes with
    MARGIN px to spare; edges are the links with both ends drawn.
    """
    by_key = {node.key: node for node in nodes if node.key != centre.key}
    steps = distances(centre.key, links)
    placed = [_place(centre, 0, 0, centre=True)]
    radius = 0
    for ring in range(1, RINGS + 1):
        members = sorted(
            (by_key[key] for key, step in steps.items() if step == ring and key in by_key),
            key=lambda node: (node.kind, node.key),
        )
        if not members:
            continue
        radius += RING_STEP
        while not _fits(boxes := _ring(members, radius, OUTER_TURN if ring == 2 else 0), placed):
            radius += GROW
        placed.extend(boxes)
    width, height, moved = _framed(placed)
    by_placed = {p.key: p for p in moved}
    return Graph(width, height, tuple(moved), _edges(by_placed, links))


def columns(nodes, links, kinds):
    """Every node in a column for its kind, `kinds` giving the columns' order from the left (kinds without a
    node take no column; nodes of a kind not listed are left out); in a column, nodes go down in order of label
    (ties keep the order of `nodes`), each box as tall as its label needs.

    Returns a Graph at least MIN_WIDTH × MIN_HEIGHT px; edges are the links with both ends drawn.
    """
    present = [kind for kind in kinds if any(node.kind == kind for node in nodes)]
    placed = []
    for column, kind in enumerate(present):
        top = 0
        for node in sorted((node for node in nodes if node.kind == kind), key=lambda node: _natural(node.label)):
            box = _place(node, column * COLUMN_STEP, 0)
            box = box.moved(0, top + box.height // 2)
            placed.append(box)
            top = box.bottom + ROW_GAP
    if not placed:
        return Graph(MIN_WIDTH, MIN_HEIGHT, (), ())
    width, height, moved = _framed(placed, MIN_WIDTH, MIN_HEIGHT)
    by_placed = {p.key: p for p in moved}
    return Graph(width, height, tuple(moved), _edges(by_placed, links))
