"""core.layout.chart without a database: bars stacked from the baseline, side by side, ticks and styles."""

import itertools

import pytest

from core.layout.chart import BAR_WIDTH, PALETTE, PATTERNS, UNIT, Column, series_styles, stacked_bars

SERIES = ["malware", "ddos", "intrusion"]


def test_segments_stack_from_the_baseline_up_in_series_order_without_gaps():
    chart = stacked_bars(SERIES, [Column(2015, (2, 1, 3))])
    (bar,) = chart.bars
    assert [segment.series.key for segment in bar.segments] == SERIES
    assert bar.segments[0].y + bar.segments[0].height == chart.baseline
    for lower, upper in itertools.pairwise(bar.segments):
        assert upper.y + upper.height == lower.y  # touching, not overlapping
    assert [segment.height for segment in bar.segments] == [2 * UNIT, 1 * UNIT, 3 * UNIT]
    assert bar.top == bar.segments[-1].y == chart.baseline - 6 * UNIT


def test_a_zero_count_draws_no_segment():
    (bar,) = stacked_bars(SERIES, [Column(2016, (0, 4, 0))]).bars
    assert [(segment.series.key, segment.count) for segment in bar.segments] == [("ddos", 4)]


def test_bars_sit_side_by_side_inside_the_drawing_and_the_tallest_reaches_the_top_margin():
    columns = [
        Column(year, counts)
        for year, counts in zip(range(2010, 2016), [(1, 0, 0), (0, 0, 0), (3, 4, 2), (0, 1, 0), (5, 0, 1), (2, 2, 2)])
    ]
    chart = stacked_bars(SERIES, columns)
    for left, right in itertools.pairwise(chart.bars):
        assert left.x + BAR_WIDTH < right.x
    for bar in chart.bars:
        assert chart.plot_left < bar.x and bar.x + BAR_WIDTH < chart.plot_right <= chart.width
        assert all(segment.y > 0 and segment.y + segment.height <= chart.baseline for segment in bar.segments)
        assert bar.segments == () or bar.top == min(segment.y for segment in bar.segments)
        assert bar.label_x == bar.x + BAR_WIDTH // 2
    assert chart.baseline < chart.height
    tallest = min(bar.top for bar in chart.bars)
    assert chart.ticks[-1] == (9, tallest)  # the axis ends at the tallest bar (9), with a tick there
    assert [bar.label for bar in chart.bars] == list(range(2010, 2016))


@pytest.mark.parametrize(
    ("highest", "values"),
    [(1, [0, 1]), (7, list(range(8))), (10, list(range(11))), (11, [0, 5, 10]), (23, [0, 5, 10, 15, 20])],
)
def test_ticks_are_every_value_up_to_ten_then_every_five(highest, values):
    chart = stacked_bars(["a"], [Column(1, (highest,))])
    assert [value for value, _y in chart.ticks] == values
    assert all(y == chart.baseline - value * UNIT for value, y in chart.ticks)


def test_with_no_count_at_all_the_axis_still_runs_to_one():
    chart = stacked_bars(SERIES, [Column(2020, (0, 0, 0))])
    assert chart.ticks == ((0, chart.baseline), (1, chart.baseline - UNIT))
    assert chart.bars[0].segments == ()


def test_no_columns_is_an_empty_chart():
    chart = stacked_bars(SERIES, [])
    assert chart.bars == () and chart.width == chart.plot_right + 16


def test_counts_must_match_the_series():
    with pytest.raises(ValueError, match="2 counts for 3 series"):
        stacked_bars(SERIES, [Column(2015, (1, 2))])


def test_series_styles_cycle_colours_and_patterns_and_name_their_pattern():
    styles = series_styles(f"t{i}" for i in range(10))
    assert [style.colour for style in styles[:8]] == list(PALETTE)
    assert len({(style.colour, style.pattern) for style in styles[:8]}) == 8
    assert styles[8].colour == PALETTE[0] and styles[9].pattern == PATTERNS[1]
    assert styles[3].pattern_id == "pattern-t3"
