"""Reads for the sector pages: sectors × plan editions, and one sector with its plans, incidents and sources."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from laws.models import Source

from .models import PlanEdition, Sector, Status
from .pages import EditionColumn, SectorPage, SectorRow
from .selectors import without_draft_documents

# --- Sector matrix ---------------------------------------------------------------------------


def sector_matrix():
    """Sectors × plan editions in three queries; totals counted by the database."""
    editions = without_draft_documents(
        PlanEdition.objects.select_related("document").annotate(sector_total=Count("sectors")).order_by("number")
    )
    membership = set(PlanEdition.sectors.through.objects.values_list("planedition_id", "sector_id"))
    sectors = list(Sector.objects.order_by("order").prefetch_related("incidents"))
    columns, previous = [], None
    for edition in editions:
        included = [sector for sector in sectors if (edition.pk, sector.pk) in membership]
        before = [sector for sector in sectors if (previous.pk, sector.pk) in membership] if previous else included
        columns.append(
            EditionColumn(
                edition=edition,
                total=edition.sector_total,
                previous_total=columns[-1].total if columns else None,
                added=[sector for sector in included if sector not in before],
                removed=[sector for sector in before if sector not in included],
            )
        )
        previous = edition
    rows = [
        SectorRow(
            sector=sector,
            cells=[(edition.pk, sector.pk) in membership for edition in editions],
            incidents=[incident for incident in sector.incidents.all() if incident.is_public()],
        )
        for sector in sectors
    ]
    return columns, rows


# --- Sector --------------------------------------------------------------------------------------


def sector_page(slug):
    """One critical infrastructure sector: the action plans that include it, the incidents recorded as affecting
    it, and its sources (those of the plans), as far as readers may see them (drafts left out); Http404 if
    none."""
    sector = (
        Sector.objects.filter(slug=slug)
        .prefetch_related(
            Prefetch(
                "plan_editions",
                queryset=PlanEdition.objects.select_related("document", "decided_by").order_by("number"),
            ),
            "incidents",
        )
        .first()
    )
    if sector is None:
        raise Http404(_("There is no critical infrastructure sector “%(slug)s”.") % {"slug": slug[:60]})
    editions = without_draft_documents(sector.plan_editions.all())
    sources = Source.objects.filter(
        Q(plan_editions__in=editions) | Q(documents__plan_edition__in=editions, documents__status=Status.PUBLISHED)
    )
    incidents = [incident for incident in sector.incidents.all() if incident.is_public()]
    return SectorPage(
        sector=sector,
        editions=editions,
        incidents=sorted(incidents, key=lambda incident: (incident.start_date, incident.slug)),
        sources=list(sources.select_related("cited_by").distinct().order_by("date", "title")),
    )
