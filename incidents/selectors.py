"""Reads for the incident pages: one function per page, each owning its queries."""

import datetime
from collections import defaultdict

from django.db.models import Count, Max, Min, Window

from core.dates import PartialDate
from core.editing import nobody, preview_of
from core.layout.chart import Column, series_styles, stacked_bars
from core.paging import WindowPage
from laws.models import Act, AmendingAct
from strategy.models import Document, Sector

from .forms import FilterChoices, IncidentFilterForm
from .models import AttackType, Country, Incident
from .pages import ChartPage, IncidentListPage, IncidentPage, PolicyEvent, Series, YearRow

FOLLOW_UP_YEARS = 3
LIST_PAGE_SIZE = 20  # incidents per page of the list
FOLLOW_UP_SHOWN = 20  # policy events of each kind listed on an incident's page


# --- The list ----------------------------------------------------------------------------------


def filter_choices():
    """What the list can be filtered by (FilterChoices), in four queries."""
    span = Incident.objects.public().aggregate(first=Min("start_date"), last=Max("start_date"))
    countries = Country.objects.filter(incidents__in=Incident.objects.public()).distinct()
    return FilterChoices(
        first_year=span["first"].year if span["first"] else None,
        last_year=span["last"].year if span["last"] else None,
        countries=sorted(countries, key=lambda c: c.name or c.code),
        attack_types=list(AttackType.objects.order_by("tree_id", "lft")),
        sectors=list(Sector.objects.order_by("order")),
    )


def incident_list_page(params):
    """Page `params["page"]` (LIST_PAGE_SIZE incidents) of the list filtered by `params` (a QueryDict), with the
    number of incidents the filters select, read in the same query. A value that cannot be used is set aside
    with a notice naming it (core.filters.LenientFilterForm)."""
    choices = filter_choices()
    form = IncidentFilterForm.from_query(params, choices=choices)
    values = form.cleaned_data
    incidents = Incident.objects.public().for_list()
    through = {name: getattr(Incident, name).through.objects for name in ("countries", "attack_types", "sectors")}
    # Many-to-many filters as subqueries: no duplicate rows, so no DISTINCT and the page's count stays exact.
    if values.get("year"):
        incidents = incidents.filter(start_date__year=values["year"])
    if values.get("country"):
        chosen = through["countries"].filter(country__code=values["country"])
        incidents = incidents.filter(pk__in=chosen.values("incident_id"))
    if values.get("attack_type"):
        chosen = through["attack_types"].filter(attacktype__in=choices.descendant_ids(values["attack_type"]))
        incidents = incidents.filter(pk__in=chosen.values("incident_id"))
    if values.get("sector"):
        chosen = through["sectors"].filter(sector__slug=values["sector"])
        incidents = incidents.filter(pk__in=chosen.values("incident_id"))
    page = WindowPage(incidents, params.get("page"), LIST_PAGE_SIZE)
    return IncidentListPage(form=form, incidents=page.object_list, notices=form.notices, page=page)


# --- One incident --------------------------------------------------------------------------------


def add_years(date, years):
    """The date `years` (an int) years after `date` (a datetime.date); 29 February becomes the 28th; a result
    past the last representable day is that day (datetime.date.max)."""
    if date.year + years > datetime.MAXYEAR:
        return datetime.date.max
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def policy_events_between(start, end, shown=FOLLOW_UP_SHOWN):
    """The first `shown` documents decided and acts promulgated from `start` to `end` (both included), in date
    order, and how many there are in all: ([PolicyEvent], total); draft documents left out. One query per kind,
    each reading at most `shown` rows and counting the rest (COUNT(*) OVER ())."""
    total = Window(Count("pk"))
    documents = Document.objects.public().filter(decided_on__gte=start, decided_on__lte=end)
    documents = documents.order_by("decided_on", "slug")
    acts = Act.objects.filter(promulgated__gte=start, promulgated__lte=end).order_by("promulgated", "slug")
    amendments = AmendingAct.objects.select_related("act").filter(promulgated__gte=start, promulgated__lte=end)
    read = [
        (kind, list(queryset.annotate(total=total)[:shown]))
        for kind, queryset in (
            ("document", documents),
            ("enactment", acts),
            ("amendment", amendments.order_by("promulgated", "key")),
        )
    ]
    events = []
    for kind, rows in read:
        for row in rows:
            date = row.decided if kind == "document" else PartialDate(row.promulgated)
            events.append(PolicyEvent(kind, date, row, row.get_absolute_url()))
    order = {"enactment": 0, "amendment": 1, "document": 2}
    events.sort(key=lambda e: (e.date.date, order[e.kind]))
    return events[:shown], sum(rows[0].total for _kind, rows in read if rows)


def incident_page(slug, may_preview=nobody):
    """The incident with everything its page shows; Incident.DoesNotExist when there is none, or when it is a
    draft that may_preview(incident) does not let the viewer see (core.editing.preview_of)."""
    incident = Incident.objects.for_detail_page().get(slug=slug)
    try:
        preview = preview_of(incident, may_preview)
    except LookupError:
        raise Incident.DoesNotExist from None
    window_end = add_years(incident.start_date, FOLLOW_UP_YEARS)
    followed, total = policy_events_between(incident.start_date, window_end)
    return IncidentPage(
        incident=incident, followed=followed, window_end=window_end, followed_total=total, preview=preview
    )


# --- The chart ---------------------------------------------------------------------------------


def incident_chart_page():
    """Incidents per year, counted under each top-level attack type (a sub-type counts under its parent).

    Three queries. The bars are laid out by core.layout.chart.stacked_bars.
    """
    roots = list(AttackType.objects.filter(parent__isnull=True).order_by("tree_id"))
    series = [Series(root, style) for root, style in zip(roots, series_styles(r.slug for r in roots), strict=True)]
    by_tree = {s.attack_type.tree_id: position for position, s in enumerate(series)}
    incidents = {}
    for pk, start in Incident.objects.public().values_list("pk", "start_date"):
        incidents[pk] = start.year
    per_cell = defaultdict(set)
    classified = set()
    through = Incident.attack_types.through.objects.filter(incident__in=Incident.objects.public()).values_list(
        "incident_id", "attacktype__tree_id"
    )
    for incident_id, tree_id in through:
        per_cell[(incidents[incident_id], by_tree[tree_id])].add(incident_id)
        classified.add(incident_id)
    if not incidents:
        return ChartPage(series, [], None, 0, 0)
    first, last = min(incidents.values()), max(incidents.values())
    per_year = defaultdict(int)
    for year in incidents.values():
        per_year[year] += 1
    rows = [
        YearRow(year, [(s, len(per_cell[(year, i)])) for i, s in enumerate(series)], per_year[year])
        for year in range(first, last + 1)
    ]
    drawing = stacked_bars([s.attack_type.slug for s in series], [Column(row.year, tuple(row.counts)) for row in rows])
    for row, bar in zip(rows, drawing.bars, strict=True):
        row.bar = bar
    return ChartPage(
        series=series,
        rows=rows,
        drawing=drawing,
        unclassified=len(incidents) - len(classified),
        total_incidents=len(incidents),
    )
