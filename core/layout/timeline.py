"""The year axis: dated marks placed in lanes along a horizontal time axis, stacked where they would overlap.

Pure geometry in px (y grows downwards): dates in, positions out. The timeline page draws it as SVG.
"""

import calendar
import datetime
from dataclasses import dataclass
from typing import NamedTuple

WIDTH, LEFT, RIGHT = 960, 120, 16  # px; lane labels go in the left margin
LANE_TOP = 8  # px above the first lane
LANE_ROW, LANE_PAD = 14, 8  # px per row of marks; px above and below the rows of a lane
MARK_GAP = 11  # px: a mark closer than this to the previous one in a row goes up a row
MIN_LABEL_GAP = 36  # px between year labels at least
TICK_STEPS = (1, 2, 5, 10, 20, 50)  # years between labels: the first that leaves MIN_LABEL_GAP, else 100
BELOW_BASELINE = 30  # px under the baseline for the year labels


@dataclass(frozen=True)
class Mark:
    """A dated mark: `key` (str, unique), the `lane` (key) it goes in, and its `date` (datetime.date)."""

    key: str
    lane: str
    date: datetime.date


@dataclass(frozen=True)
class PlacedMark:
    """Where a mark is drawn: centre (x, y) in px, and its `row` in the lane (0 is the lowest)."""

    key: str
    x: int
    y: int
    row: int


@dataclass(frozen=True)
class Lane:
    """A horizontal band of the axis: `top` and `height` in px, its `label` drawn in the left margin."""

    key: str
    label: str
    top: int
    height: int

    @property
    def label_y(self):
        return round(self.top + self.height / 2 + 4)

    @property
    def rule_y(self):
        return self.top + self.height


class Tick(NamedTuple):
    """A labelled year: the year's start at `x` px, its label centred at `label_x` px (mid-year)."""

    year: int
    x: int
    label_x: int


@dataclass(frozen=True)
class Axis:
    """The drawing: years `first` to `last` (ints, both included) across `width` × `height` px between `left` and
    `right`; lanes from the top down, the `baseline` under them, ticks, and the placed marks by key."""

    first: int
    last: int
    width: int
    height: int
    baseline: int
    lanes: tuple
    ticks: tuple
    left: int
    right: int
    marks: dict

    @property
    def year_width(self):
        """Px per year (a float)."""
        return (self.right - self.left) / (self.last - self.first + 1)


def fraction_of_year(date):
    """How far through its year `date` (datetime.date) is: 0 on 1 January, under 1 on 31 December."""
    days = 366 if calendar.isleap(date.year) else 365
    return (date.timetuple().tm_yday - 1) / days


def year_axis(marks, lanes, first=None, last=None, *, earliest=None):
    """Place `marks` (Marks, in date order) on an axis of years, one lane per entry of `lanes`.

    `lanes` are (key, label) pairs, drawn from the top in that order; a lane with no mark is left out, and a
    mark whose lane is not listed is not placed. The axis runs from `first` to `last` (years, both included);
    when not given, from the earliest of the marks' years, `earliest` and `last`, to the latest mark's year (or
    `first`, if after it). Marks in a lane that would come closer than MARK_GAP px go up a row, so no two marks
    of a row overlap; a lane is as high as its rows. Year labels are spaced at least MIN_LABEL_GAP px apart.
    Returns an Axis. Raises ValueError when there is no year to start from, or `last` is before `first`.
    """
    years = [mark.date.year for mark in marks]
    if first is None:
        candidates = [*years, *([] if earliest is None else [earliest]), *([] if last is None else [last])]
        if not candidates:
            raise ValueError("an axis needs a mark, `first`, `last` or `earliest`")
        first = min(candidates)
    last = last if last is not None else max([first, *years])
    if last < first:
        raise ValueError(f"the axis would end ({last}) before it starts ({first})")
    year_width = (WIDTH - LEFT - RIGHT) / (last - first + 1)
    placed, bands, top = {}, [], LANE_TOP
    for key, label in lanes:
        lane_marks = [mark for mark in marks if mark.lane == key]
        if not lane_marks:
            continue
        rows, rows_of = [], []  # the last x used in each row; (mark, x, row) for each mark
        for mark in lane_marks:
            x = LEFT + (mark.date.year - first + fraction_of_year(mark.date)) * year_width
            row = next((i for i, last_x in enumerate(rows) if x - last_x >= MARK_GAP), None)
            if row is None:
                rows.append(x)
                row = len(rows) - 1
            rows[row] = x
            rows_of.append((mark, x, row))
        height = len(rows) * LANE_ROW + 2 * LANE_PAD
        for mark, x, row in rows_of:
            y = round(top + height - LANE_PAD - LANE_ROW / 2 - row * LANE_ROW)
            placed[mark.key] = PlacedMark(mark.key, round(x), y, row)
        bands.append(Lane(key, label, top, height))
        top += height
    baseline = top + 4
    step = next((n for n in TICK_STEPS if n * year_width >= MIN_LABEL_GAP), 100)
    ticks = tuple(
        Tick(year, round(LEFT + (year - first) * year_width), round(LEFT + (year - first + 0.5) * year_width))
        for year in range(first, last + 1)
        if (year - first) % step == 0
    )
    return Axis(
        first, last, WIDTH, baseline + BELOW_BASELINE, baseline, tuple(bands), ticks, LEFT, WIDTH - RIGHT, placed
    )
