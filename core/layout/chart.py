"""The stacked bar chart: one bar per column, one segment per series, a value axis with ticks, in px.

Pure geometry (y grows downwards): counts in, rectangles out. The incident chart draws it as SVG.
"""

from dataclasses import dataclass

# Dark enough for 3:1 against white (all reach 5.3:1 or more, so white text on them would pass too);
# each series also has its own pattern, so the chart does not rely on colour.
PALETTE = ("#0017c1", "#b54708", "#197a4b", "#8b008b", "#ce0000", "#00646e", "#6b5300", "#4d4d4d")
PATTERNS = ("solid", "diagonal", "dots", "horizontal", "crosshatch", "vertical", "backslash", "grid")

BAR_WIDTH, BAR_GAP, UNIT = 44, 28, 30  # px; UNIT is the height of a count of one
LEFT, TOP, BOTTOM, RIGHT = 48, 28, 36, 16  # margins round the bars: value labels left, year labels below
FINE_TICKS_UP_TO = 10  # a tick at every value up to this highest bar, else every COARSE_STEP
COARSE_STEP = 5


@dataclass(frozen=True)
class SeriesStyle:
    """How a series is filled: colour and pattern (each cycling through its list), and the id of its SVG
    <pattern>, made from `key` (which must be usable in an id)."""

    key: str
    index: int

    @property
    def colour(self):
        return PALETTE[self.index % len(PALETTE)]

    @property
    def pattern(self):
        return PATTERNS[self.index % len(PATTERNS)]

    @property
    def pattern_id(self):
        return f"pattern-{self.key}"


@dataclass(frozen=True)
class Column:
    """One bar's input: its `label` and its `counts` (non-negative ints), one per series in series order."""

    label: object
    counts: tuple


@dataclass(frozen=True)
class Segment:
    """A count drawn as a rectangle: top-left (x, y), width and height in px, filled in its series' style."""

    series: SeriesStyle
    count: int
    x: int
    y: int
    width: int
    height: int

    @property
    def label_x(self):
        return self.x + self.width // 2

    @property
    def label_y(self):
        return self.y + self.height // 2


@dataclass(frozen=True)
class Bar:
    """A column drawn: its left `x`, the `top` of its highest segment, and its segments from the bottom up
    (series with a count of 0 have none)."""

    label: object
    x: int
    top: int
    segments: tuple

    @property
    def label_x(self):
        return self.x + BAR_WIDTH // 2


@dataclass(frozen=True)
class StackedBars:
    """The drawing: `width` × `height` px, the `baseline` (y of the value 0), the bars, `ticks` as (value, y)
    pairs, and `series`, the SeriesStyle of each series."""

    width: int
    height: int
    baseline: int
    bars: tuple
    ticks: tuple
    series: tuple

    @property
    def plot_left(self):
        return LEFT - 6

    @property
    def plot_right(self):
        return self.width - RIGHT

    @property
    def label_right(self):
        return LEFT - 12


def series_styles(keys):
    """A SeriesStyle for each key (a str) in `keys`, in order."""
    return tuple(SeriesStyle(key, index) for index, key in enumerate(keys))


def stacked_bars(series, columns):
    """Stack each Column's counts into a bar, series by series from the baseline up.

    `series` are the series' keys (str), `columns` the Columns, left to right; every Column has one count per
    series. The value axis runs from 0 to the highest bar's total (at least 1), with a tick at every value when
    that is at most FINE_TICKS_UP_TO, else at every COARSE_STEP. Returns StackedBars (all coordinates ints).
    Raises ValueError when a Column's counts do not match the series.
    """
    styles = series_styles(series)
    for column in columns:
        if len(column.counts) != len(styles):
            raise ValueError(f"column {column.label!r} has {len(column.counts)} counts for {len(styles)} series")
    highest = max((sum(column.counts) for column in columns), default=0) or 1
    step = 1 if highest <= FINE_TICKS_UP_TO else COARSE_STEP
    baseline = TOP + highest * UNIT
    bars = []
    for position, column in enumerate(columns):
        x = LEFT + BAR_GAP // 2 + position * (BAR_WIDTH + BAR_GAP)
        y, segments = baseline, []
        for style, count in zip(styles, column.counts, strict=True):
            if not count:
                continue
            y -= count * UNIT
            segments.append(Segment(style, count, x, y, BAR_WIDTH, count * UNIT))
        bars.append(Bar(column.label, x, y, tuple(segments)))
    return StackedBars(
        width=LEFT + len(columns) * (BAR_WIDTH + BAR_GAP) + RIGHT,
        height=baseline + BOTTOM,
        baseline=baseline,
        bars=tuple(bars),
        ticks=tuple((value, baseline - value * UNIT) for value in range(0, highest + 1, step)),
        series=styles,
    )
