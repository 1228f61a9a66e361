"""The hub-and-ring diagram: boxes for named nodes round the best-connected one, and labelled arrows between them.

Pure geometry in px (y grows downwards): nodes and links in, boxes and lines out. The organisation
structure page draws it as SVG.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .text import FONT_SIZE, name_lines

LINE_HEIGHT = 15
BOX_W, BOX_H = 116, 66
HUB_W, HUB_H = 196, 66
WIDTH = 960
RING_RX, RING_RY = 404, 340
MARGIN = 12
STRIP_GAP = 16  # between boxes of the strip underneath, across and down
BOX_PADDING, HUB_PADDING = 10, 12  # text width is the box width less this


@dataclass(frozen=True)
class DiagramNode:
    """A node to draw: `key` (an int; the lower key wins a tie for the hub), its `name` as shown, an
    `abbreviation` to fall back on ("" if none), `url` for its box, `order` (a tuple sort key: ring and strip
    are filled in this order), and `fallback` (the name is in another language than the page)."""

    key: int
    name: str
    url: str = ""
    abbreviation: str = ""
    order: tuple = ()
    fallback: bool = False


@dataclass(frozen=True)
class DiagramLink:
    """A directed link from node `source` to node `target` (keys), with its `label` as shown, `sort` (labels of
    links between the same two nodes are listed in this order) and `dashed` (an interpretation)."""

    source: int
    target: int
    label: str
    sort: str = ""
    dashed: bool = False


@dataclass
class Box:
    """A node's box: centre (x, y) and size (w, h) in px, its name broken into `lines`."""

    node: DiagramNode
    x: float
    y: float
    w: float
    h: float
    lines: list
    hub: bool = False

    @property
    def url(self):
        return self.node.url

    @property
    def full_name(self):
        return self.node.name

    @property
    def fallback(self):
        return self.node.fallback

    @property
    def left(self):
        return self.x - self.w / 2

    @property
    def right(self):
        return self.x + self.w / 2

    @property
    def top(self):
        return self.y - self.h / 2

    @property
    def bottom(self):
        return self.y + self.h / 2

    @property
    def text_y(self):
        """Baseline of the first line so that the block of lines is centred vertically."""
        return round(self.y - (len(self.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35, 1)


@dataclass
class DiagramEdge:
    """One line between two boxes, from (x1, y1) at the source's edge to (x2, y2) just short of the target's,
    with `labels` centred on (label_x, label_y) and turned by `angle` degrees to run along the line."""

    x1: float
    y1: float
    x2: float
    y2: float
    labels: list
    label_x: float
    label_y: float
    angle: float
    dashed: bool

    @property
    def text_y(self):
        """Baseline of the first label so that the block of labels is centred on (label_x, label_y)."""
        return round(self.label_y - (len(self.labels) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35, 1)


@dataclass
class Diagram:
    """The drawing: `width` × `height` px, boxes (hub first, then by node order), edges, and `strip_y`, where the
    strip of nodes not linked to the hub begins (None when there are none)."""

    width: int
    height: int
    boxes: list
    edges: list
    strip_y: float | None
    hub: Box | None
    line_height: int = LINE_HEIGHT
    rest: list = field(default_factory=list)  # the boxes in the strip underneath


def ellipse_slots(count, cx, cy, rx, ry):
    """`count` points (x, y) spaced evenly by arc length round an ellipse, clockwise from the top."""
    steps = 720
    points = [
        (cx + rx * math.sin(2 * math.pi * i / steps), cy - ry * math.cos(2 * math.pi * i / steps)) for i in range(steps)
    ]
    lengths = [0.0]
    for i in range(1, steps + 1):
        (x0, y0), (x1, y1) = points[i - 1], points[i % steps]
        lengths.append(lengths[-1] + math.hypot(x1 - x0, y1 - y0))
    total = lengths[-1]
    slots, index = [], 0
    for k in range(count):
        target = total * k / count
        while lengths[index + 1] < target:
            index += 1
        slots.append(points[index])
    return slots


def alternating(count):
    """Slot order for a ring filled from the top: 0, 1, n-1, 2, n-2, … (right and left in turn)."""
    order, right, left = [0], 1, count - 1
    while len(order) < count:
        order.append(right)
        right += 1
        if len(order) < count:
            order.append(left)
            left -= 1
    return order


def _clip(box, dx, dy):
    """Distance from the box centre to its edge along (dx, dy), a unit vector."""
    tx = (box.w / 2) / abs(dx) if dx else math.inf
    ty = (box.h / 2) / abs(dy) if dy else math.inf
    return min(tx, ty)


def _box(node, x, y, hub=False):
    w, h, padding = (HUB_W, HUB_H, HUB_PADDING) if hub else (BOX_W, BOX_H, BOX_PADDING)
    return Box(node, x, y, w, h, name_lines(node.name, w - padding, node.abbreviation), hub=hub)


def _edge(source, target, links, paired):
    """The line for `links` from box `source` to box `target`; `paired` when a line runs the other way too."""
    dx, dy = target.x - source.x, target.y - source.y
    distance = math.hypot(dx, dy) or 1
    ux, uy = dx / distance, dy / distance
    nx, ny = -uy, ux  # the left-hand normal
    offset = 5 if paired else 0  # two directions are drawn side by side
    x1 = source.x + ux * _clip(source, ux, uy) + nx * offset
    y1 = source.y + uy * _clip(source, ux, uy) + ny * offset
    x2 = target.x - ux * (_clip(target, ux, uy) + 2) + nx * offset
    y2 = target.y - uy * (_clip(target, ux, uy) + 2) + ny * offset
    angle = math.degrees(math.atan2(uy, ux))
    flipped = angle > 90 or angle < -90
    if flipped:
        angle -= 180 if angle > 0 else -180
    labels = [link.label for link in sorted(links, key=lambda link: link.sort)]
    # Labels sit on the left of the direction of travel when the line is paired, so two directions never
    # write over each other; one line's labels sit just above it.
    side = 1 if offset else (-1 if not flipped else 1)
    shift = (6 + LINE_HEIGHT * (len(labels) - 1) / 2 + FONT_SIZE / 2) * side
    # Lines fan out from the hub, so their labels have more room away from it.
    t = 0.62 if source.hub else 0.38 if target.hub else 0.5
    mx, my = x1 + (x2 - x1) * t + nx * shift, y1 + (y2 - y1) * t + ny * shift
    return DiagramEdge(
        x1=round(x1, 1),
        y1=round(y1, 1),
        x2=round(x2, 1),
        y2=round(y2, 1),
        labels=labels,
        label_x=round(mx, 1),
        label_y=round(my, 1),
        angle=round(angle, 1),
        dashed=all(link.dashed for link in links),
    )


def layout_diagram(nodes, links):
    """A hub-and-ring layout of `nodes` (DiagramNode) joined by `links` (DiagramLink).

    The node with most links is the hub, in the centre; the nodes linked to it sit round it on an ellipse in
    their `order`, alternately right and left from the top; every other node sits in rows underneath. Links
    between the same two nodes in the same direction share one line; a line whose other direction is drawn
    too runs beside it. Links naming a key that is not among the nodes, and links of a node to itself, are
    not drawn. Returns a Diagram; coordinates are rounded to 0.1 px.
    """
    by_key = {node.key: node for node in nodes}
    links = [link for link in links if link.source in by_key and link.target in by_key]
    degree = Counter()
    for link in links:
        degree[link.source] += 1
        degree[link.target] += 1
    hub_key = max(degree, key=lambda key: (degree[key], -key)) if degree else None
    related = {
        link.target if link.source == hub_key else link.source
        for link in links
        if hub_key in (link.source, link.target)
    }
    related.discard(hub_key)
    ring = sorted((by_key[key] for key in related), key=lambda node: node.order)
    rest = sorted((n for n in nodes if n.key != hub_key and n.key not in related), key=lambda node: node.order)

    boxes = {}
    cx, cy = WIDTH / 2, MARGIN + BOX_H / 2 + RING_RY
    hub = None
    if hub_key is not None:
        hub = boxes[hub_key] = _box(by_key[hub_key], cx, cy, hub=True)
    if ring:
        slots = ellipse_slots(len(ring), cx, cy, RING_RX, RING_RY)
        for node, slot in zip(ring, alternating(len(ring)), strict=True):
            boxes[node.key] = _box(node, *slots[slot])
    y = MARGIN + (BOX_H + 2 * RING_RY + BOX_H if (ring or hub) else 0)
    strip_y = None
    if rest:
        strip_y = y + 8
        per_row = int((WIDTH - 2 * MARGIN) // (BOX_W + STRIP_GAP))
        for index, node in enumerate(rest):
            row, column = divmod(index, per_row)
            in_row = min(per_row, len(rest) - row * per_row)
            span = in_row * (BOX_W + STRIP_GAP) - STRIP_GAP
            x = (WIDTH - span) / 2 + column * (BOX_W + STRIP_GAP) + BOX_W / 2
            top = strip_y + 28 + row * (BOX_H + STRIP_GAP)
            boxes[node.key] = _box(node, x, top + BOX_H / 2)
        y = strip_y + 28 + math.ceil(len(rest) / per_row) * (BOX_H + STRIP_GAP)

    by_pair = defaultdict(list)
    for link in links:
        by_pair[(link.source, link.target)].append(link)
    edges = []
    for (source_key, target_key), pair_links in sorted(by_pair.items()):
        source, target = boxes.get(source_key), boxes.get(target_key)
        if source is None or target is None or source is target:
            continue
        edges.append(_edge(source, target, pair_links, (target_key, source_key) in by_pair))
    for box in boxes.values():
        box.x, box.y = round(box.x, 1), round(box.y, 1)
    return Diagram(
        width=WIDTH,
        height=int(y + MARGIN),
        boxes=sorted(boxes.values(), key=lambda box: (not box.hub, box.node.order)),
        edges=edges,
        strip_y=strip_y,
        hub=hub,
        rest=[boxes[node.key] for node in rest],
    )
