"""core.layout.timeline without a database: marks on the year axis, stacked where close, lanes and ticks."""

import datetime
import itertools

import pytest

from core.layout.timeline import (
    LANE_TOP,
    LEFT,
    MARK_GAP,
    MIN_LABEL_GAP,
    RIGHT,
    WIDTH,
    Mark,
    fraction_of_year,
    year_axis,
)

LANES = [("incident", "Incidents"), ("law", "Laws"), ("document", "Documents")]


def d(text):
    return datetime.date.fromisoformat(text)


def test_a_mark_sits_at_its_date_along_the_axis():
    axis = year_axis([Mark("a", "law", d("2014-11-12")), Mark("b", "law", d("2016-01-01"))], LANES, 2010, 2019)
    assert axis.year_width == pytest.approx((WIDTH - LEFT - RIGHT) / 10)
    assert axis.marks["a"].x == round(LEFT + (4 + fraction_of_year(d("2014-11-12"))) * axis.year_width)
    assert axis.marks["b"].x == round(LEFT + 6 * axis.year_width)
    assert all(axis.left <= mark.x <= axis.right for mark in axis.marks.values())


def test_marks_that_would_touch_go_up_a_row_and_no_two_in_a_row_are_closer_than_the_gap():
    days = ["2015-01-01", "2015-01-05", "2015-01-09", "2015-03-01", "2015-03-02", "2015-12-30", "2016-01-02"]
    marks = [Mark(day, "incident", d(day)) for day in days]
    axis = year_axis(marks, LANES, 2015, 2016)
    placed = [axis.marks[day] for day in days]
    assert [mark.row for mark in placed[:3]] == [0, 1, 2]  # a week apart is 4.5 px at this scale
    assert placed[3].row == 0  # two months later the lowest row is free again
    rows = {}
    for mark in placed:
        rows.setdefault(mark.row, []).append(mark)
    for row in rows.values():
        for a, b in itertools.pairwise(row):
            assert b.x - a.x >= MARK_GAP - 1  # apart by the gap (less rounding)
        assert len({mark.y for mark in row}) == 1
    assert placed[1].y < placed[0].y  # rows stack upwards
    (lane,) = axis.lanes
    assert all(lane.top < mark.y < lane.rule_y for mark in placed)
    assert lane.height == 3 * 14 + 2 * 8


def test_lanes_stack_from_the_top_in_the_order_given_and_empty_lanes_are_left_out():
    marks = [Mark("i", "incident", d("2010-05-01")), Mark("doc", "document", d("2013-05-01"))]
    axis = year_axis(marks, LANES, earliest=2005)
    assert [(lane.key, lane.label) for lane in axis.lanes] == [("incident", "Incidents"), ("document", "Documents")]
    first, second = axis.lanes
    assert first.top == LANE_TOP and second.top == first.rule_y
    assert first.top < first.label_y < first.rule_y
    assert axis.baseline > second.rule_y and axis.height > axis.baseline
    assert first.top < axis.marks["i"].y < first.rule_y < axis.marks["doc"].y < second.rule_y


def test_a_mark_in_an_unlisted_lane_is_not_placed():
    axis = year_axis([Mark("x", "other", d("2010-01-01"))], LANES, earliest=2005)
    assert axis.marks == {} and axis.lanes == ()


def test_without_a_range_the_axis_runs_from_the_earliest_year_to_the_last_mark():
    marks = [Mark("a", "law", d("2011-06-01")), Mark("b", "law", d("2018-02-01"))]
    assert (year_axis(marks, LANES, earliest=2005).first, year_axis(marks, LANES, earliest=2005).last) == (2005, 2018)
    assert year_axis(marks, LANES, earliest=2012).first == 2011  # a mark before `earliest` moves the start
    assert year_axis(marks, LANES).first == 2011
    assert year_axis([], LANES, earliest=2005).last == 2005


def test_an_end_year_before_the_default_start_starts_the_axis_there():
    """?to=2004 with nothing before it: the axis is the single year 2004, not a division by zero."""
    axis = year_axis([], LANES, None, 2004, earliest=2005)
    assert (axis.first, axis.last) == (2004, 2004)
    assert [tick.year for tick in axis.ticks] == [2004]


def test_an_axis_without_a_year_or_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        year_axis([], LANES)
    with pytest.raises(ValueError):
        year_axis([], LANES, 2010, 2009)


@pytest.mark.parametrize(
    ("first", "last", "step"), [(2005, 2020, 1), (2010, 2010, 1), (1990, 2030, 2), (1950, 2030, 5), (1900, 2100, 10)]
)
def test_year_labels_are_spaced_by_the_smallest_step_that_leaves_room(first, last, step):
    axis = year_axis([], LANES, first, last)
    years = [tick.year for tick in axis.ticks]
    assert years[0] == first and all(b - a == step for a, b in itertools.pairwise(years))
    for a, b in itertools.pairwise(axis.ticks):
        assert b.label_x - a.label_x >= MIN_LABEL_GAP - 1
    for tick in axis.ticks:
        assert tick.x == round(LEFT + (tick.year - first) * axis.year_width)
        assert axis.left <= tick.x < tick.label_x < axis.right


def test_fraction_of_year_counts_days_from_the_first_of_january():
    assert fraction_of_year(d("2015-01-01")) == 0
    assert fraction_of_year(d("2016-12-31")) == pytest.approx(365 / 366)
    assert fraction_of_year(d("2015-07-02")) == pytest.approx(182 / 365)
