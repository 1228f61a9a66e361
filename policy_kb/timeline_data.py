"""The timeline's reads: incidents, the Act's enactment and amendments, and policy documents, as dated events.

Composes three apps (so it lives in policy_kb). One function, `timeline_page`, owns every query of the page.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.dates import DatePrecision, PartialDate, format_partial_date
from core.layout.timeline import Axis, Mark, year_axis
from incidents.models import Incident
from laws.models import Act, AmendingAct
from strategy.models import Document

from .forms import Kind, TimelineFilterForm

AXIS_START = 2005  # without a start year in the filter, the axis begins in this year or at the first event
LANES = (Kind.INCIDENT, Kind.LAW, Kind.DOCUMENT)  # from the top
LANE_LABELS = {Kind.INCIDENT: _("Incidents"), Kind.LAW: _("Laws"), Kind.DOCUMENT: _("Documents")}
KIND_ORDER = {Kind.LAW: 0, Kind.DOCUMENT: 1, Kind.INCIDENT: 2}  # on the same day, laws first


@dataclass
class Event:
    """A dated event of the timeline: its record and address, the anchor of its entry, and (x, y) on the axis."""

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
    """The events of one year, in date order."""

    year: int
    events: list

    @property
    def date(self):
        return PartialDate(datetime.date(self.year, 1, 1), DatePrecision.YEAR)


@dataclass
class TimelinePage:
    """The timeline page: the filter form, events in date order, notices, undated documents and the axis."""

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
    """(events in date order, undated documents), drafts left out. One query per kind shown."""
    events, undated = [], []
    if Kind.INCIDENT in kinds:
        for incident in _in_range(Incident.objects.public().order_by("start_date", "slug"), "start_date", first, last):
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
        for document in Document.objects.public().select_related("deciding_body").order_by("decided_on", "slug"):
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


def timeline_page(params):
    """The timeline filtered by `params` (a QueryDict): events of the kinds and years asked for, in date order,
    placed on the year axis (core.layout.timeline). A value that cannot be used is set aside with a notice."""
    form = TimelineFilterForm.from_query(params)
    kinds = form.cleaned_data.get("kind") or list(LANES)
    first, last = form.cleaned_data.get("from"), form.cleaned_data.get("to")
    events, undated = timeline_events(kinds, first, last)
    axis = year_axis(
        [Mark(event.anchor, event.kind, event.date.date) for event in events],
        [(kind, LANE_LABELS[kind]) for kind in LANES],
        first,
        last,
        earliest=AXIS_START,
    )
    for event in events:
        placed = axis.marks[event.anchor]
        event.x, event.y = placed.x, placed.y
    return TimelinePage(form=form, events=events, notices=form.notices, undated=undated, axis=axis)
