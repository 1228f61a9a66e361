"""Reads for the incident pages: one function per page, each owning its queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Min
from django.http import QueryDict

from core.dates import PartialDate
from laws.models import Act, AmendingAct
from strategy.models import Document, Sector

from .forms import FilterChoices, IncidentFilterForm
from .models import AttackType, Country, Incident

FOLLOW_UP_YEARS = 3


# --- The list ----------------------------------------------------------------------------------


@dataclass
class IncidentListPage:
    form: IncidentFilterForm
    incidents: list
    notices: list = field(default_factory=list)

    @property
    def filtered(self):
        return any(self.form.cleaned_data.get(name) for name in self.form.fields)


def filter_choices():
    span = Incident.objects.aggregate(first=Min("start_date"), last=Max("start_date"))
    countries = Country.objects.filter(incidents__isnull=False).distinct()
    return FilterChoices(
        first_year=span["first"].year if span["first"] else None,
        last_year=span["last"].year if span["last"] else None,
        countries=sorted(countries, key=lambda c: c.name or c.code),
        attack_types=list(AttackType.objects.order_by("tree_id", "lft")),
        sectors=list(Sector.objects.order_by("order")),
    )


def incident_list_page(params):
    """The filtered list. A value that cannot be used is set aside with a notice naming it."""
    choices = filter_choices()
    form = IncidentFilterForm(params, choices=choices)
    form.is_valid()
    notices = [form.ignored_value_notice(name) for name in form.fields if name in form.errors]
    if notices:
        kept = QueryDict(mutable=True)
        for name in form.fields:
            if name not in form.errors and params.get(name):
                kept[name] = params.get(name)
        form = IncidentFilterForm(kept, choices=choices)
        form.is_valid()
    values = form.cleaned_data
    incidents = Incident.objects.for_list()
    if values.get("year"):
        incidents = incidents.filter(start_date__year=values["year"])
    if values.get("country"):
        incidents = incidents.filter(countries__code=values["country"])
    if values.get("attack_type"):
        incidents = incidents.filter(attack_types__in=choices.descendant_ids(values["attack_type"]))
    if values.get("sector"):
        incidents = incidents.filter(sectors__slug=values["sector"])
    return IncidentListPage(form=form, incidents=list(incidents.distinct()), notices=notices)


# --- One incident --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyEvent:
    """A policy record dated after an incident: a document decided or an act promulgated."""

    kind: str  # "document", "enactment" or "amendment"
    date: PartialDate
    record: object
    url: str


@dataclass
class IncidentPage:
    incident: Incident
    followed: list
    window_end: datetime.date


def add_years(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def policy_events_between(start, end):
    """Documents decided and acts promulgated from `start` to `end` (both included), in date order."""
    events = [
        PolicyEvent("document", document.decided, document, document.get_absolute_url())
        for document in Document.objects.filter(decided_on__gte=start, decided_on__lte=end).order_by(
            "decided_on", "slug"
        )
    ]
    events += [
        PolicyEvent("enactment", PartialDate(act.promulgated), act, act.get_absolute_url())
        for act in Act.objects.filter(promulgated__gte=start, promulgated__lte=end)
    ]
    events += [
        PolicyEvent("amendment", PartialDate(amendment.promulgated), amendment, amendment.get_absolute_url())
        for amendment in AmendingAct.objects.select_related("act").filter(promulgated__gte=start, promulgated__lte=end)
    ]
    order = {"enactment": 0, "amendment": 1, "document": 2}
    return sorted(events, key=lambda e: (e.date.date, order[e.kind]))


def incident_page(slug):
    """The incident with everything its page shows; Incident.DoesNotExist when there is none."""
    incident = Incident.objects.for_detail_page().get(slug=slug)
    window_end = add_years(incident.start_date, FOLLOW_UP_YEARS)
    return IncidentPage(
        incident=incident,
        followed=policy_events_between(incident.start_date, window_end),
        window_end=window_end,
    )


# --- The chart ---------------------------------------------------------------------------------

# Dark enough for 3:1 against white (all reach 5.3:1 or more, so white text on them would pass too);
# each series also has its own pattern, so the chart does not rely on colour.
PALETTE = ["#0017c1", "#b54708", "#197a4b", "#8b008b", "#ce0000", "#00646e", "#6b5300", "#4d4d4d"]
PATTERNS = ["solid", "diagonal", "dots", "horizontal", "crosshatch", "vertical", "backslash", "grid"]

BAR_WIDTH, BAR_GAP, UNIT = 44, 28, 30
LEFT, TOP, BOTTOM, RIGHT = 48, 28, 36, 16


@dataclass
class Series:
    attack_type: AttackType
    index: int

    @property
    def colour(self):
        return PALETTE[self.index % len(PALETTE)]

    @property
    def pattern(self):
        return PATTERNS[self.index % len(PATTERNS)]

    @property
    def pattern_id(self):
        return f"pattern-{self.attack_type.slug}"


@dataclass
class Segment:
    series: Series
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


@dataclass
class YearRow:
    year: int
    cells: list  # (series, count) in series order
    incidents: int  # distinct incidents that year
    segments: list = field(default_factory=list)
    x: int = 0
    top: int = 0

    @property
    def counts(self):
        return [count for _series, count in self.cells]

    @property
    def label_x(self):
        return self.x + BAR_WIDTH // 2


@dataclass
class ChartPage:
    series: list
    rows: list
    width: int
    height: int
    baseline: int
    ticks: list  # (value, y)
    unclassified: int
    total_incidents: int

    @property
    def plot_left(self):
        return LEFT - 6

    @property
    def plot_right(self):
        return self.width - RIGHT

    @property
    def label_right(self):
        return LEFT - 12


def incident_chart_page():
    """Incidents per year, counted under each top-level attack type (a sub-type counts under its parent)."""
    roots = list(AttackType.objects.filter(parent__isnull=True).order_by("tree_id"))
    series = [Series(root, index) for index, root in enumerate(roots)]
    by_tree = {s.attack_type.tree_id: position for position, s in enumerate(series)}
    incidents = {}
    for pk, start in Incident.objects.values_list("pk", "start_date"):
        incidents[pk] = start.year
    per_cell = defaultdict(set)
    classified = set()
    through = Incident.attack_types.through.objects.values_list("incident_id", "attacktype__tree_id")
    for incident_id, tree_id in through:
        per_cell[(incidents[incident_id], by_tree[tree_id])].add(incident_id)
        classified.add(incident_id)
    if not incidents:
        return ChartPage(series, [], 0, 0, 0, [], 0, 0)
    first, last = min(incidents.values()), max(incidents.values())
    per_year = defaultdict(int)
    for year in incidents.values():
        per_year[year] += 1
    rows = [
        YearRow(year, [(s, len(per_cell[(year, i)])) for i, s in enumerate(series)], per_year[year])
        for year in range(first, last + 1)
    ]
    highest = max((sum(row.counts) for row in rows), default=0) or 1
    step = 1 if highest <= 10 else 5
    baseline = TOP + highest * UNIT
    for position, row in enumerate(rows):
        row.x = LEFT + BAR_GAP // 2 + position * (BAR_WIDTH + BAR_GAP)
        y = baseline
        for s, count in row.cells:
            if not count:
                continue
            y -= count * UNIT
            row.segments.append(Segment(s, count, row.x, y, BAR_WIDTH, count * UNIT))
        row.top = y
    return ChartPage(
        series=series,
        rows=rows,
        width=LEFT + len(rows) * (BAR_WIDTH + BAR_GAP) + RIGHT,
        height=baseline + BOTTOM,
        baseline=baseline,
        ticks=[(value, baseline - value * UNIT) for value in range(0, highest + 1, step)],
        unclassified=len(incidents) - len(classified),
        total_incidents=len(incidents),
    )
