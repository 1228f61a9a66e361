"""The incident pages: the filtered list, one incident, and the chart of incidents per year."""

from functools import partial

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.editing import can_preview
from core.jsonld import Site
from core.paging import query_without_page

from .models import Incident
from .selectors import FOLLOW_UP_YEARS, incident_chart_page, incident_list_page, incident_page
from .structured_data import incident_data


def incident_list(request):
    page = incident_list_page(request.GET)
    return render(
        request,
        "incidents/incident_list.html",
        {"page": page, "form": page.form, "base_query": query_without_page(request.GET)},
    )


def incident_detail(request, slug):
    try:
        page = incident_page(slug, may_preview=partial(can_preview, request.user))
    except Incident.DoesNotExist:
        raise Http404(_("No incident is recorded at this address. See the list of incidents.")) from None
    return render(
        request,
        "incidents/incident_detail.html",
        {
            "page": page,
            "incident": page.incident,
            "follow_up_years": FOLLOW_UP_YEARS,
            "structured_data": incident_data(Site.of(request), page.incident),
        },
    )


def incident_chart(request):
    return render(request, "incidents/incident_chart.html", {"chart": incident_chart_page()})
