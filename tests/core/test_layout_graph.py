"""core.layout.graph without a database: a record's rings, the network's columns, edges between drawn nodes."""

import itertools
import math

import pytest

from core.layout.graph import (
    COLUMN_STEP,
    MIN_HEIGHT,
    MIN_WIDTH,
    NODE_H,
    NODE_W,
    RADIAL_SIZE,
    RING_STEP,
    GraphLink,
    GraphNode,
    columns,
    distances,
    radial,
)


def node(key, kind="document", label=None):
    return GraphNode(key, kind, label or key, url=f"/{key}/", fill="#fff", stroke="#000")


def overlap(a, b):
    return abs(a.x - b.x) < NODE_W and abs(a.y - b.y) < NODE_H


def test_distances_follow_links_both_ways():
    links = [GraphLink("a", "b"), GraphLink("c", "b"), GraphLink("c", "d"), GraphLink("x", "y")]
    assert distances("a", links) == {"a": 0, "b": 1, "c": 2, "d": 3}


def test_the_record_is_in_the_middle_with_its_neighbours_on_the_first_ring_and_theirs_on_the_second():
    centre = node("article:25", "article")
    first = [node(f"node:{i}", "node") for i in range(4)]
    second = [node(f"incident:{i}", "incident") for i in range(3)]
    far = node("document:far")
    links = [GraphLink(n.key, centre.key, "cites") for n in first]
    links += [GraphLink(s.key, first[0].key, "answers", dashed=True) for s in second]
    links += [GraphLink(far.key, second[0].key, "revises")]
    graph = radial(centre, [centre, *first, *second, far], links)
    middle = RADIAL_SIZE // 2
    placed = {p.key: p for p in graph.nodes}
    assert graph.width == graph.height == RADIAL_SIZE
    assert (placed[centre.key].x, placed[centre.key].y, placed[centre.key].centre) == (middle, middle, True)
    for n, ring in [*((n, 1) for n in first), *((s, 2) for s in second)]:
        p = placed[n.key]
        assert math.hypot(p.x - middle, p.y - middle) == pytest.approx(ring * RING_STEP, abs=1)
        assert 0 < p.x < graph.width and 0 < p.y < graph.height
        assert not p.centre
    assert far.key not in placed  # three links away
    for a, b in itertools.combinations([placed[n.key] for n in first], 2):
        assert not overlap(a, b)
    assert len(graph.edges) == len(links) - 1  # the link to the node left out is not drawn
    assert all(edge.dashed for edge in graph.edges if edge.label == "answers")
    edge = graph.edges[0]
    assert (edge.x1, edge.y1, edge.x2, edge.y2) == (edge.source.x, edge.source.y, edge.target.x, edge.target.y)


def test_a_ring_is_filled_clockwise_from_the_top_by_kind_then_key():
    centre = node("c", "article")
    others = [node("b", "node"), node("a", "node"), node("z", "incident")]
    graph = radial(centre, others, [GraphLink(o.key, "c") for o in others])
    placed = [p for p in graph.nodes if not p.centre]
    assert [p.key for p in placed] == ["z", "a", "b"]  # incident before node; then by key
    top = placed[0]
    assert (top.x, top.y) == (RADIAL_SIZE // 2, RADIAL_SIZE // 2 - RING_STEP)
    assert placed[1].x > top.x and placed[2].x < top.x  # clockwise: right, then left


def test_a_record_without_links_is_alone_in_the_middle():
    graph = radial(node("lonely"), [], [])
    assert [(p.key, p.centre) for p in graph.nodes] == [("lonely", True)] and graph.edges == ()


def test_the_network_has_one_column_per_kind_in_the_order_given_and_rows_by_label():
    nodes = [
        node("document:b", "document", "Beta"),
        node("incident:1", "incident", "Zeta"),
        node("document:a", "document", "Alpha"),
        node("incident:2", "incident", "Eta"),
        node("secret:1", "secret"),
    ]
    links = [GraphLink("incident:1", "document:a", "cites"), GraphLink("secret:1", "document:a")]
    graph = columns(nodes, links, ["incident", "node", "document"])
    placed = {p.key: p for p in graph.nodes}
    assert "secret:1" not in placed
    assert placed["incident:1"].x == placed["incident:2"].x < placed["document:a"].x == placed["document:b"].x
    assert placed["document:a"].x - placed["incident:1"].x == COLUMN_STEP  # no empty column for "node"
    assert placed["incident:2"].y < placed["incident:1"].y  # Eta before Zeta
    assert placed["document:a"].y < placed["document:b"].y
    assert [(e.source.key, e.target.key) for e in graph.edges] == [("incident:1", "document:a")]


@pytest.mark.parametrize(("kinds", "per_kind"), [(1, 1), (3, 5), (6, 30)])
def test_network_boxes_never_overlap_and_stay_inside_the_drawing(kinds, per_kind):
    kind_names = [f"k{k}" for k in range(kinds)]
    nodes = [node(f"k{k}:{i}", f"k{k}", f"label {i:03}") for k in range(kinds) for i in range(per_kind)]
    graph = columns(nodes, [], kind_names)
    assert len(graph.nodes) == kinds * per_kind
    for a, b in itertools.combinations(graph.nodes, 2):
        assert not overlap(a, b), (a.key, b.key)
    for p in graph.nodes:
        assert p.left >= 0 and p.left + NODE_W <= graph.width
        assert p.top >= 0 and p.top + NODE_H <= graph.height
    assert graph.width >= MIN_WIDTH and graph.height >= MIN_HEIGHT


def test_labels_are_shortened_for_the_box_and_kept_whole_for_the_title():
    long = node("document:long", label="サイバーセキュリティ基本法の一部を改正する法律の施行について")
    (placed,) = radial(long, [], []).nodes
    assert placed.label == long.label and placed.short.endswith("…") and len(placed.short) == 16
    assert (placed.url, placed.fill, placed.stroke, placed.kind) == ("/document:long/", "#fff", "#000", "document")
