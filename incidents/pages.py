"""What the incident pages show, as plain dataclasses filled by the selectors and read by the templates."""

import datetime
from dataclasses import dataclass, field

from core.dates import PartialDate
from core.layout.chart import Bar, SeriesStyle, StackedBars

from .forms import IncidentFilterForm
from .models import AttackType, Incident


@dataclass
class IncidentListPage:
    """The list: the filter form (bad values already set aside), the incidents it selects, and the notices."""

    form: IncidentFilterForm
    incidents: list
    notices: list = field(default_factory=list)
    page: object = None  # core.paging.WindowPage

    @property
    def filtered(self):
        return self.form.filtered


@dataclass(frozen=True)
class PolicyEvent:
    """A policy record dated after an incident: a document decided or an act promulgated."""

    kind: str  # "document", "enactment" or "amendment"
    date: PartialDate
    record: object
    url: str


@dataclass
class IncidentPage:
    """One incident and the policy events of the follow-up window ending on `window_end`."""

    incident: Incident
    followed: list  # the first few, in date order
    window_end: datetime.date
    followed_total: int = 0  # events in the window, shown or not
    preview: bool = False  # an editor sees a draft

    @property
    def followed_more(self):
        return max(self.followed_total - len(self.followed), 0)


@dataclass
class Series:
    """A top-level attack type as a series of the chart, with its fill."""

    attack_type: AttackType
    style: SeriesStyle


@dataclass
class YearRow:
    """A year of the chart: (series, count) cells in series order, the distinct incidents, and its bar."""

    year: int
    cells: list
    incidents: int
    bar: Bar | None = None

    @property
    def counts(self):
        return [count for _series, count in self.cells]


@dataclass
class ChartPage:
    """The chart page: series, one row per year from the first incident's to the last's, and the drawing
    (None when no incident is recorded)."""

    series: list
    rows: list
    drawing: StackedBars | None
    unclassified: int
    total_incidents: int
