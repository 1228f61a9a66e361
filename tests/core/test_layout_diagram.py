"""core.layout.diagram without a database: hub, ring and strip placement, boxes apart and inside, edges."""

import itertools
import math

import pytest

from core.layout.diagram import (
    BOX_W,
    HUB_W,
    MARGIN,
    WIDTH,
    DiagramLink,
    DiagramNode,
    alternating,
    ellipse_slots,
    layout_diagram,
)
from core.layout.text import text_width


def nodes(count, start=1):
    return [DiagramNode(key, f"組織{key}", url=f"/o/{key}/", order=(key,)) for key in range(start, start + count)]


def star(hub, others, label="directs"):
    return [DiagramLink(hub, other, label) for other in others]


def overlap(a, b):
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def assert_apart_and_inside(diagram):
    for a, b in itertools.combinations(diagram.boxes, 2):
        assert not overlap(a, b), (a.node.key, b.node.key)
    for box in diagram.boxes:
        assert box.left >= 0 and box.right <= diagram.width, box.node.key
        assert box.top >= 0 and box.bottom <= diagram.height, box.node.key


def test_the_node_with_most_links_is_the_hub_in_the_centre():
    diagram = layout_diagram(nodes(5), [*star(3, [1, 2, 4]), DiagramLink(1, 2, "x")])
    assert diagram.hub.node.key == 3
    assert diagram.hub.x == WIDTH / 2
    assert diagram.hub.w == HUB_W
    assert diagram.boxes[0] is diagram.hub
    assert [box.node.key for box in diagram.rest] == [5]


def test_a_tie_for_the_hub_goes_to_the_lower_key():
    assert layout_diagram(nodes(2), [DiagramLink(2, 1, "x")]).hub.node.key == 1


@pytest.mark.parametrize("ring", [1, 2, 5, 12, 18])
@pytest.mark.parametrize("strip", [0, 3, 7, 16])
def test_boxes_never_overlap_and_stay_inside_the_drawing(ring, strip):
    diagram = layout_diagram(nodes(1 + ring + strip), star(1, range(2, 2 + ring)))
    assert len(diagram.boxes) == 1 + ring + strip
    assert_apart_and_inside(diagram)


def test_the_ring_is_filled_from_the_top_right_and_left_in_turn_in_order():
    diagram = layout_diagram(nodes(6), star(1, range(2, 7)))
    ring = {box.node.key: box for box in diagram.boxes if not box.hub}
    first = ring[2]
    assert first.x == diagram.hub.x and first.y < diagram.hub.y
    assert first.top == MARGIN
    assert ring[3].x > diagram.hub.x and ring[4].x < diagram.hub.x  # second on the right, third on the left
    for right, left in ((3, 4), (5, 6)):  # mirrored about the hub's vertical (to a step of the arc, 1/720)
        assert ring[right].y == pytest.approx(ring[left].y, abs=4)
        assert ring[right].x - diagram.hub.x == pytest.approx(diagram.hub.x - ring[left].x, abs=4)
    assert ring[3].y < diagram.hub.y < ring[5].y  # the last two go round below the hub


def test_nodes_not_linked_to_the_hub_sit_in_centred_rows_under_the_ring():
    diagram = layout_diagram(nodes(3 + 9), star(1, [2, 3]))
    assert diagram.strip_y is not None
    ring_bottom = max(box.bottom for box in diagram.boxes if box.node.key in (1, 2, 3))
    assert diagram.strip_y > ring_bottom
    rows = sorted({box.y for box in diagram.rest})
    assert len(rows) == 2  # seven boxes of 116 px fit in 960 px; the rest wrap
    first_row = [box for box in diagram.rest if box.y == rows[0]]
    assert len(first_row) == 7 and all(box.top > diagram.strip_y for box in diagram.rest)
    assert [box.node.key for box in diagram.rest] == list(range(4, 13))
    for row in rows:
        in_row = [box for box in diagram.rest if box.y == row]
        assert min(box.left for box in in_row) == pytest.approx(WIDTH - max(box.right for box in in_row), abs=0.2)
    assert diagram.height == pytest.approx(max(box.bottom for box in diagram.boxes) + 16 + MARGIN, abs=1)


def test_without_links_everything_is_in_the_strip():
    diagram = layout_diagram(nodes(3), [])
    assert diagram.hub is None and diagram.edges == []
    assert diagram.strip_y == MARGIN + 8
    assert_apart_and_inside(diagram)


def test_nothing_to_draw_is_an_empty_drawing():
    diagram = layout_diagram([], [])
    assert (diagram.boxes, diagram.edges, diagram.strip_y, diagram.height) == ([], [], None, 2 * MARGIN)


def test_names_are_wrapped_to_the_box():
    long = DiagramNode(2, "内閣サイバーセキュリティセンター", order=(2,), abbreviation="NISC")
    diagram = layout_diagram([DiagramNode(1, "本部", order=(1,)), long], [DiagramLink(1, 2, "x")])
    box = next(box for box in diagram.boxes if box.node.key == 2)
    assert len(box.lines) > 1 and all(text_width(line) <= BOX_W - 10 for line in box.lines)
    assert box.full_name == long.name and box.url == ""
    assert box.top < box.text_y < box.bottom


def on_border(box, x, y, slack=0.2):
    inside_x = box.left - slack <= x <= box.right + slack
    inside_y = box.top - slack <= y <= box.bottom + slack
    edge_x = min(abs(x - box.left), abs(x - box.right)) <= slack
    edge_y = min(abs(y - box.top), abs(y - box.bottom)) <= slack
    return inside_x and inside_y and (edge_x or edge_y)


def test_a_line_runs_from_the_source_box_edge_to_just_short_of_the_target():
    diagram = layout_diagram(nodes(4), star(1, [2, 3, 4]))
    boxes = {box.node.key: box for box in diagram.boxes}
    assert len(diagram.edges) == 3
    for edge, target in zip(diagram.edges, (2, 3, 4), strict=True):
        assert on_border(boxes[1], edge.x1, edge.y1)
        length = math.hypot(edge.x2 - edge.x1, edge.y2 - edge.y1)
        assert not on_border(boxes[target], edge.x2, edge.y2) or length == 0
        # two px short of the target's border, along the line
        back = (edge.x2 - edge.x1) / length * 2, (edge.y2 - edge.y1) / length * 2
        assert on_border(boxes[target], edge.x2 + back[0], edge.y2 + back[1], slack=0.3)
        assert -90 <= edge.angle <= 90  # labels are never upside down


def test_links_between_the_same_pair_share_a_line_and_opposite_directions_run_side_by_side():
    links = [
        DiagramLink(1, 2, "supervises", sort="b"),
        DiagramLink(1, 2, "asks", sort="a", dashed=True),
        DiagramLink(2, 1, "reports to", sort="c", dashed=True),
    ]
    diagram = layout_diagram(nodes(2), links)
    there, back = diagram.edges
    assert there.labels == ["asks", "supervises"]  # in `sort` order
    assert not there.dashed and back.dashed  # dashed only when every link of the line is an interpretation
    # The two lines are parallel, 10 px apart (5 px each side of the centres' line).
    gap = abs((there.x1 - back.x2) * (there.y2 - there.y1) - (there.y1 - back.y2) * (there.x2 - there.x1))
    assert gap / math.hypot(there.x2 - there.x1, there.y2 - there.y1) == pytest.approx(10, abs=0.3)
    assert there.text_y < there.label_y  # two labels: the first line sits above the centre


def test_links_to_unknown_nodes_and_to_the_node_itself_are_not_drawn():
    diagram = layout_diagram(nodes(2), [DiagramLink(1, 2, "x"), DiagramLink(1, 99, "y"), DiagramLink(2, 2, "z")])
    assert [edge.labels for edge in diagram.edges] == [["x"]]
    assert len(diagram.boxes) == 2


def test_slots_are_evenly_spaced_round_the_ellipse_from_the_top():
    slots = ellipse_slots(4, 0, 0, 100, 50)
    assert slots[0] == pytest.approx((0, -50))
    assert slots[1][0] == pytest.approx(100, abs=0.5) and slots[2][1] == pytest.approx(50, abs=0.5)
    assert alternating(5) == [0, 1, 4, 2, 3]
    assert sorted(alternating(8)) == list(range(8))
