"""The timeline's reads: incidents, the Act's enactment and amendments, and policy documents, as dated events.

Composes three apps (so it lives in policy_kb). One function, `timeline_page`, owns every query of the page.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import DatePrecision, PartialDate, format_partial_date
from incidents.forms import shown_value
from incidents.models import Incident
from laws.models import Act, AmendingAct
from strategy.models import Document

AXIS_START = 2005
FIRST_YEAR, LAST_YEAR = 1900, 2100


class Kind:
    INCIDENT = "incident"
    LAW = "law"
    DOCUMENT = "document"


KIND_CHOICES = [
    (Kind.INCIDENT, _("Incidents")),
    (Kind.LAW, _("Laws: enactment and amendments")),
    (Kind.DOCUMENT, _("Strategy documents and plans")),
]
LANE_LABELS = {Kind.INCIDENT: _("Incidents"), Kind.LAW: _("Laws"), Kind.DOCUMENT: _("Documents")}
KIND_ORDER = {Kind.LAW: 0, Kind.DOCUMENT: 1, Kind.INCIDENT: 2}


class TimelineFilterForm(forms.Form):
    """?kind=incident&kind=law&from=2010&to=2016 — no kind means every kind."""

    kind = forms.MultipleChoiceField(
        label=_("Show"), choices=KIND_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these two are added here rather than declared above.
        self.fields["from"] = forms.IntegerField(
            label=_("From year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
        )
        self.fields["to"] = forms.IntegerField(
            label=_("To year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
        )

    def clean(self):
        data = super().clean()
        first, last = data.get("from"), data.get("to")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(_("The start year is after the end year."), code="reversed")
        return data

    def ignored_value_notice(self, name):
        if name == "kind":
            values = ", ".join(f"“{shown_value(v)}”" for v in self.data.getlist("kind"))
            return gettext(
                "%(values)s: the kinds that can be shown are incidents, laws and documents, so every kind is shown."
            ) % {"values": values}
        if name == "__all__":
            return gettext("The year range %(first)s–%(last)s ends before it starts, so it was ignored.") % {
                "first": self.cleaned_data.get("from"),
                "last": self.cleaned_data.get("to"),
            }
        return gettext("“%(value)s” is not a year between %(first)s and %(last)s, so it was ignored.") % {
            "value": shown_value(self.data.get(name, "")),
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }


@dataclass
class Event:
    kind: str  # Kind
    subkind: str  # "incident", "enactment", "amendment" or a Document.Kind
    date: PartialDate
    record: object
    url: str
    anchor: str
    effective: datetime.date | None = None
    x: int = 0
    y: int = 0

    @property
    def sort_key(self):
        return (self.date.date, KIND_ORDER[self.kind], self.anchor)

    @property
    def title_field(self):
        return "law_number" if self.subkind == "amendment" else "title"

    @property
    def date_text(self):
        return format_partial_date(self.date.date, self.date.precision)


@dataclass
class YearGroup:
    year: int
    events: list

    @property
    def date(self):
        return PartialDate(datetime.date(self.year, 1, 1), DatePrecision.YEAR)


@dataclass
class Lane:
    kind: str
    label: str
    top: int
    height: int

    @property
    def label_y(self):
        return round(self.top + self.height / 2 + 4)

    @property
    def rule_y(self):
        return self.top + self.height


@dataclass
class Axis:
    first: int
    last: int
    width: int
    height: int
    baseline: int
    lanes: list
    ticks: list  # (year, x, label x)
    left: int
    right: int


@dataclass
class TimelinePage:
    form: TimelineFilterForm
    events: list
    notices: list = field(default_factory=list)
    undated: list = field(default_factory=list)
    axis: Axis | None = None

    @property
    def years(self):
        groups = []
        for event in self.events:
            if not groups or groups[-1].year != event.date.date.year:
                groups.append(YearGroup(event.date.date.year, []))
            groups[-1].events.append(event)
        return groups


def _in_range(queryset, field_name, first, last):
    if first is not None:
        queryset = queryset.filter(**{f"{field_name}__gte": datetime.date(first, 1, 1)})
    if last is not None:
        queryset = queryset.filter(**{f"{field_name}__lte": datetime.date(last, 12, 31)})
    return queryset


def timeline_events(kinds, first=None, last=None):
    """(events in date order, undated documents). One query per kind shown."""
    events, undated = [], []
    if Kind.INCIDENT in kinds:
        for incident in _in_range(Incident.objects.order_by("start_date", "slug"), "start_date", first, last):
            events.append(
                Event(
                    Kind.INCIDENT,
                    "incident",
                    incident.start,
                    incident,
                    incident.get_absolute_url(),
                    f"ev-incident-{incident.slug}",
                )
            )
    if Kind.LAW in kinds:
        for act in _in_range(Act.objects.all(), "promulgated", first, last):
            events.append(
                Event(
                    Kind.LAW,
                    "enactment",
                    PartialDate(act.promulgated),
                    act,
                    act.get_absolute_url(),
                    f"ev-act-{act.slug}",
                )
            )
        for amendment in _in_range(AmendingAct.objects.select_related("act"), "promulgated", first, last):
            events.append(
                Event(
                    Kind.LAW,
                    "amendment",
                    PartialDate(amendment.promulgated),
                    amendment,
                    amendment.get_absolute_url(),
                    f"ev-amendment-{amendment.act.slug}-{amendment.key}",
                    effective=amendment.effective,
                )
            )
    if Kind.DOCUMENT in kinds:
        for document in Document.objects.select_related("deciding_body").order_by("decided_on", "slug"):
            if document.decided_on is None:
                undated.append(document)
            elif (first is None or document.decided_on.year >= first) and (
                last is None or document.decided_on.year <= last
            ):
                events.append(
                    Event(
                        Kind.DOCUMENT,
                        document.kind,
                        document.decided,
                        document,
                        document.get_absolute_url(),
                        f"ev-document-{document.slug}",
                    )
                )
    events.sort(key=lambda e: e.sort_key)
    return events, undated


# --- The year axis -------------------------------------------------------------------------------

AXIS_WIDTH, AXIS_LEFT, AXIS_RIGHT = 960, 120, 16
LANE_ROW, LANE_PAD, MARK_GAP, MIN_LABEL_GAP = 14, 8, 11, 36


def _fraction_of_year(date):
    days = 366 if calendar.isleap(date.year) else 365
    return (date.timetuple().tm_yday - 1) / days


def year_axis(events, first=None, last=None):
    """Positions for the SVG: one lane per kind, marks stacked in rows where they would overlap."""
    years = [e.date.date.year for e in events]
    first = first if first is not None else min([AXIS_START, *years])
    last = last if last is not None else max([first, *years])
    span = last - first + 1
    year_width = (AXIS_WIDTH - AXIS_LEFT - AXIS_RIGHT) / span
    lanes, top = [], 8
    for kind in (Kind.INCIDENT, Kind.LAW, Kind.DOCUMENT):
        lane_events = [e for e in events if e.kind == kind]
        if not lane_events:
            continue
        rows, placed = [], []  # the last x used in each row; (event, row) for each mark
        for event in lane_events:
            x = AXIS_LEFT + (event.date.date.year - first + _fraction_of_year(event.date.date)) * year_width
            row = next((i for i, last_x in enumerate(rows) if x - last_x >= MARK_GAP), None)
            if row is None:
                rows.append(x)
                row = len(rows) - 1
            rows[row] = x
            event.x = round(x)
            placed.append((event, row))
        height = len(rows) * LANE_ROW + 2 * LANE_PAD
        for event, row in placed:
            event.y = round(top + height - LANE_PAD - LANE_ROW / 2 - row * LANE_ROW)
        lanes.append(Lane(kind, LANE_LABELS[kind], top, height))
        top += height
    baseline = top + 4
    step = next((n for n in (1, 2, 5, 10, 20, 50) if n * year_width >= MIN_LABEL_GAP), 100)
    ticks = [
        (year, round(AXIS_LEFT + (year - first) * year_width), round(AXIS_LEFT + (year - first + 0.5) * year_width))
        for year in range(first, last + 1)
        if (year - first) % step == 0
    ]
    return Axis(first, last, AXIS_WIDTH, baseline + 30, baseline, lanes, ticks, AXIS_LEFT, AXIS_WIDTH - AXIS_RIGHT)


def timeline_page(params):
    form = TimelineFilterForm(params)
    form.is_valid()
    notices = [form.ignored_value_notice(name) for name in form.errors]
    if notices:
        kept = QueryDict(mutable=True)
        if "kind" not in form.errors:
            kept.setlist("kind", params.getlist("kind"))
        if "__all__" not in form.errors:
            for name in ("from", "to"):
                if name not in form.errors and params.get(name):
                    kept[name] = params.get(name)
        form = TimelineFilterForm(kept)
        form.is_valid()
    kinds = form.cleaned_data.get("kind") or [Kind.INCIDENT, Kind.LAW, Kind.DOCUMENT]
    first, last = form.cleaned_data.get("from"), form.cleaned_data.get("to")
    events, undated = timeline_events(kinds, first, last)
    return TimelinePage(form=form, events=events, notices=notices, undated=undated, axis=year_axis(events, first, last))
