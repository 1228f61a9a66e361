"""core.layout.graph without a database: a record's rings, the network's columns, edges between drawn nodes.

The drawings' promises: every box wholly inside the drawing, no two boxes overlapping, each label wrapped into
its box (or cut with an ellipsis, the full label kept for the title and accessible name), links from border to
border."""

import itertools
import math

import pytest

from core.layout.graph import (
    COLUMN_STEP,
    MAX_LINES,
    MIN_HEIGHT,
    MIN_WIDTH,
    NODE_W,
    PADDING_X,
    GraphLink,
    GraphNode,
    columns,
    distances,
    radial,
)
from core.layout.text import text_width

LONG_EN = "Results of the Cause Investigation into the Personal Information Leak at the Japan Pension Service"
LONG_JA = "サイバーセキュリティ基本法の一部を改正する法律の施行に伴う関係政令の整備に関する政令"


def node(key, kind="document", label=None):
    return GraphNode(key, kind, label or key, url=f"/{key}/", fill="#fff", stroke="#000")


def assert_readable(graph):
    """Inside the drawing, no overlap, labels within their boxes."""
    for p in graph.nodes:
        assert p.left >= 0 and p.right <= graph.width, (p.key, p.left, p.right, graph.width)
        assert p.top >= 0 and p.bottom <= graph.height, (p.key, p.top, p.bottom, graph.height)
        assert 1 <= len(p.lines) <= MAX_LINES
        for line in p.lines:
            assert text_width(line) <= NODE_W - 2 * PADDING_X + 12, line  # a closing mark may hang over
    for a, b in itertools.combinations(graph.nodes, 2):
        assert not a.overlaps(b), (a.key, b.key)


def on_border(point, box):
    x, y = point
    inside = box.left - 0.6 <= x <= box.right + 0.6 and box.top - 0.6 <= y <= box.bottom + 0.6
    edge = min(abs(x - box.left), abs(x - box.right), abs(y - box.top), abs(y - box.bottom))
    return inside and edge <= 0.6


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
    placed = {p.key: p for p in graph.nodes}
    middle = placed[centre.key]
    assert middle.centre and sum(p.centre for p in graph.nodes) == 1

    def reach(p):  # distance on the ellipse's scale (the rings are wider than tall)
        return math.hypot((p.x - middle.x) / 1.6, p.y - middle.y)

    assert max(reach(placed[n.key]) for n in first) < min(reach(placed[s.key]) for s in second)
    assert far.key not in placed  # three links away
    assert len(graph.edges) == len(links) - 1  # the link to the node left out is not drawn
    assert all(edge.dashed for edge in graph.edges if edge.label == "answers")
    assert_readable(graph)


def test_links_run_from_border_to_border_so_no_arrow_hides_under_a_box():
    centre = node("c", "article")
    others = [node(f"n{i}", "node", LONG_EN if i % 2 else LONG_JA) for i in range(7)]
    graph = radial(centre, others, [GraphLink(o.key, "c") for o in others])
    for edge in graph.edges:
        assert on_border((edge.x1, edge.y1), edge.source), edge
        assert on_border((edge.x2, edge.y2), edge.target), edge


def test_a_ring_is_filled_clockwise_from_the_top_by_kind_then_key():
    centre = node("c", "article")
    others = [node("b", "node"), node("a", "node"), node("z", "incident")]
    graph = radial(centre, others, [GraphLink(o.key, "c") for o in others])
    placed = [p for p in graph.nodes if not p.centre]
    middle = next(p for p in graph.nodes if p.centre)
    assert [p.key for p in placed] == ["z", "a", "b"]  # incident before node; then by key
    top = placed[0]
    assert top.x == middle.x and top.y < middle.y
    assert placed[1].x > top.x and placed[2].x < top.x  # clockwise: right, then left


@pytest.mark.parametrize("count", [1, 2, 5, 12, 30, 60])
def test_rings_of_any_size_with_long_labels_stay_inside_and_never_overlap(count):
    centre = node("centre", "incident", "Japan Pension Service data breach")
    first = [node(f"a{i}", "article", LONG_JA if i % 3 == 0 else f"Basic Act Art. {i}") for i in range(count)]
    second = [node(f"d{i}", "document", LONG_EN) for i in range(count // 2 + 1)]
    links = [GraphLink(n.key, "centre") for n in first] + [GraphLink(s.key, first[0].key) for s in second]
    graph = radial(centre, [*first, *second], links)
    assert len(graph.nodes) == 1 + len(first) + len(second)
    assert_readable(graph)


def test_a_record_without_links_is_alone_and_inside():
    graph = radial(node("lonely"), [], [])
    assert [(p.key, p.centre) for p in graph.nodes] == [("lonely", True)] and graph.edges == ()
    assert_readable(graph)


def test_the_network_has_one_column_per_kind_in_the_order_given_and_rows_by_label():
    nodes = [
        node("document:b", "document", "Beta"),
        node("incident:1", "incident", "Zeta"),
        node("document:a", "document", "Alpha"),
        node("incident:2", "incident", "Eta"),
        node("secret:1", "secret"),
        node("article:12", "article", "Basic Act Art. 12"),
        node("article:2", "article", "Basic Act Art. 2"),
    ]
    links = [GraphLink("incident:1", "document:a", "cites"), GraphLink("secret:1", "document:a")]
    graph = columns(nodes, links, ["incident", "node", "document", "article"])
    placed = {p.key: p for p in graph.nodes}
    assert "secret:1" not in placed
    assert placed["incident:1"].x == placed["incident:2"].x < placed["document:a"].x == placed["document:b"].x
    assert placed["document:a"].x - placed["incident:1"].x == COLUMN_STEP  # no empty column for "node"
    assert placed["incident:2"].y < placed["incident:1"].y  # Eta before Zeta
    assert placed["document:a"].y < placed["document:b"].y
    assert placed["article:2"].y < placed["article:12"].y  # numbers read as numbers
    assert [(e.source.key, e.target.key) for e in graph.edges] == [("incident:1", "document:a")]


@pytest.mark.parametrize(("kinds", "per_kind"), [(1, 1), (3, 5), (6, 30)])
def test_network_boxes_never_overlap_and_stay_inside_the_drawing(kinds, per_kind):
    kind_names = [f"k{k}" for k in range(kinds)]
    nodes = [
        node(f"k{k}:{i}", f"k{k}", LONG_EN if i % 4 == 0 else f"label {i:03}")
        for k in range(kinds)
        for i in range(per_kind)
    ]
    graph = columns(nodes, [], kind_names)
    assert len(graph.nodes) == kinds * per_kind
    assert_readable(graph)
    assert graph.width >= MIN_WIDTH and graph.height >= MIN_HEIGHT


def test_labels_are_wrapped_in_the_box_and_kept_whole_for_the_title():
    short = radial(node("short", label="Basic Act Art. 13"), [], []).nodes[0]
    assert short.lines == ("Basic Act Art. 13",)
    wrapped = radial(node("en", label="Cyberattack on Mitsubishi Heavy Industries"), [], []).nodes[0]
    assert len(wrapped.lines) > 1 and " ".join(wrapped.lines) == "Cyberattack on Mitsubishi Heavy Industries"
    long = node("document:long", label=LONG_JA * 2)
    (placed,) = radial(long, [], []).nodes
    assert placed.label == long.label and len(placed.lines) == MAX_LINES and placed.lines[-1].endswith("…")
    assert "".join(placed.lines).removesuffix("…") in long.label
    assert (placed.url, placed.fill, placed.stroke, placed.kind) == ("/document:long/", "#fff", "#000", "document")
