"""The timeline's reads: incidents, the Act's enactment and amendments, and policy documents, as dated events.

Composes three apps (so it lives in policy_kb). One function, `timeline_page`, owns every query of the page.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import DatePrecision, PartialDate, format_partial_date
from core.http import shown_value
from core.layout.timeline import Axis, Mark, year_axis
from core.paging import count_of, with_count
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
    """A window of the timeline: the filter form, up to PAGE_SIZE events in date order from `start`, the number
    of events from there on (`total`), notices, undated documents (first window only) and the axis; `next`: the
    query of the following window ({"start": ISO date, "skip": events of that date already shown}) or None."""

    form: TimelineFilterForm
    events: list
    notices: list = field(default_factory=list)
    undated: list = field(default_factory=list)
    axis: Axis | None = None
    total: int = 0
    undated_total: int = 0
    start: datetime.date | None = None
    next: dict | None = None

    @property
    def years(self):
        groups = []
        for event in self.events:
            if not groups or groups[-1].year != event.date.date.year:
                groups.append(YearGroup(event.date.date.year, []))
            groups[-1].events.append(event)
        return groups

    @property
    def undated_more(self):
        return max(self.undated_total - len(self.undated), 0)


PAGE_SIZE = 50  # events per window of the timeline
UNDATED_SHOWN = 20  # undated documents listed under the first window


def _in_range(queryset, field_name, first, last, start=None):
    if first is not None:
        queryset = queryset.filter(**{f"{field_name}__gte": datetime.date(first, 1, 1)})
    if last is not None:
        queryset = queryset.filter(**{f"{field_name}__lte": datetime.date(last, 12, 31)})
    if start is not None:
        queryset = queryset.filter(**{f"{field_name}__gte": start})
    return queryset


def _window(queryset, limit):
    """The first `limit` rows (None: every row), each with the number of rows the queryset selects (`total`),
    in one query that an index on the filter and the order serves without reading the other rows."""
    queryset = with_count(queryset, "total")
    return list(queryset[:limit] if limit is not None else queryset)


def timeline_events(kinds, first=None, last=None, start=None, limit=None):
    """(events in date order, undated documents, events in all, undated documents in all) of the kinds shown,
    from the date `start` on (None: from the beginning): at most `limit` events of each kind are read (None: every
    event). Drafts are left out of the events and of the totals. One query per kind shown (laws: acts, amending
    acts)."""
    events, undated, total, undated_total = [], [], 0, 0

    def read(queryset):
        nonlocal total
        rows = _window(queryset, limit)
        total += rows[0].total if rows else 0
        return rows

    if Kind.INCIDENT in kinds:
        for incident in read(
            _in_range(Incident.objects.public().order_by("start_date", "slug"), "start_date", first, last, start)
        ):
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
        for act in read(_in_range(Act.objects.order_by("promulgated", "slug"), "promulgated", first, last, start)):
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
        amendments = AmendingAct.objects.select_related("act").order_by("promulgated", "act__slug", "key")
        for amendment in read(_in_range(amendments, "promulgated", first, last, start)):
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
        # Dated and undated documents in one query: the first of each group (two indexed subqueries) and the
        # number of each (two scalar subqueries).
        dated = Q(decided_on__isnull=False)
        for lookup, value in (
            ("gte", first and datetime.date(first, 1, 1)),
            ("lte", last and datetime.date(last, 12, 31)),
        ):
            if value:
                dated &= Q(**{f"decided_on__{lookup}": value})
        if start is not None:
            dated &= Q(decided_on__gte=start)
        public = Document.objects.public().order_by("decided_on", "slug")
        groups = {"dated": (public.filter(dated), limit)}
        if start is None:
            groups["undated"] = (public.filter(decided_on__isnull=True), UNDATED_SHOWN)
        chosen = Q()
        for rows, shown in groups.values():
            chosen |= Q(pk__in=rows.values("pk")[:shown] if shown is not None else rows.values("pk"))
        documents = public.select_related("deciding_body").filter(chosen)
        documents = documents.annotate(**{f"{name}_total": count_of(rows) for name, (rows, _shown) in groups.items()})
        for index, document in enumerate(documents):
            if index == 0:
                total += document.dated_total
                undated_total = getattr(document, "undated_total", 0)
            if document.decided_on is None:
                undated.append(document)
                continue
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
    return events, undated, total, undated_total


MAX_SKIP = 1000  # more events than any one day holds: a larger ?skip= is not one the pages write


def _cursor(params):
    """The window asked for: (start date or None, events of that date to skip, notices). A ?start= that is
    not an ISO date gives the first window, and a ?skip= that is not a whole number from 0 to MAX_SKIP skips
    nothing; each says so in a notice (translated str)."""
    notices = []
    start, skip = None, 0
    raw_start, raw_skip = params.get("start", ""), params.get("skip", "")
    if raw_start:
        try:
            start = datetime.date.fromisoformat(raw_start)
        except ValueError:
            notices.append(
                gettext("“%(value)s” is not a date (YYYY-MM-DD), so the timeline starts from the beginning.")
                % {"value": shown_value(raw_start)}
            )
    if raw_skip and start is not None:
        if raw_skip.isascii() and raw_skip.isdigit() and int(raw_skip) <= MAX_SKIP:
            skip = int(raw_skip)
        else:
            notices.append(
                gettext("“%(value)s” is not a number of events from 0 to %(max)d, so none was skipped.")
                % {"value": shown_value(raw_skip), "max": MAX_SKIP}
            )
    return start, skip, notices


def timeline_page(params, size=None):
    """A window of the timeline filtered by `params` (a QueryDict): up to `size` events of the kinds and years
    asked for, in date order from ?start= (skipping ?skip= events of that date), placed on the year axis
    (core.layout.timeline). Each query reads at most skip + size + 1 rows, however long the timeline. A filter
    value that cannot be used is set aside with a notice."""
    size = size or PAGE_SIZE
    form = TimelineFilterForm.from_query(params)
    kinds = form.cleaned_data.get("kind") or list(LANES)
    first, last = form.cleaned_data.get("from"), form.cleaned_data.get("to")
    start, skip, cursor_notices = _cursor(params)
    events, undated, total, undated_total = timeline_events(kinds, first, last, start, limit=skip + size + 1)
    if start is not None:
        on_start = [event for event in events if event.date.date == start][:skip]
        events = [event for event in events if event not in on_start]
        total -= len(on_start)
    following = events[size] if len(events) > size else None
    events = events[:size]
    cursor = None
    if following is not None:
        date = following.date.date
        shown_that_day = sum(1 for event in events if event.date.date == date)
        cursor = {"start": date.isoformat(), "skip": shown_that_day + (skip if date == start else 0)}
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
    return TimelinePage(
        form=form,
        events=events,
        notices=form.notices + cursor_notices,
        undated=undated if start is None else [],
        axis=axis,
        total=total,
        undated_total=undated_total if start is None else 0,
        start=start,
        next=cursor,
    )
