"""The strategy pages: documents, their parts, the sector matrix and the organisation structure.

Views only turn a request into a selector call and a template; what each page reads, and in how many
queries, is decided in selectors.py.
"""

from functools import partial

from django.shortcuts import render

from core.editing import can_preview
from core.i18n import reader_language
from core.jsonld import Site
from core.paging import query_without_page

from . import sector_selectors, selectors, structured_data


def document_list(request):
    page = selectors.index_page(request.GET.get("kind", ""), request.GET.get("page"))
    return render(request, "strategy/document_list.html", {"page": page, "base_query": query_without_page(request.GET)})


def document_detail(request, slug):
    page = selectors.document_page(slug, may_preview=partial(can_preview, request.user))
    data = structured_data.document_data(Site.of(request), page)
    return render(
        request, "strategy/document_detail.html", {"page": page, "document": page.document, "structured_data": data}
    )


def node_detail(request, slug, key):
    page = selectors.node_page(slug, key, may_preview=partial(can_preview, request.user))
    data = structured_data.node_data(Site.of(request), page)
    return render(
        request,
        "strategy/node_detail.html",
        {"page": page, "node": page.node, "document": page.document, "structured_data": data},
    )


def sector_matrix(request):
    columns, rows = sector_selectors.sector_matrix()
    return render(request, "strategy/sector_matrix.html", {"columns": columns, "rows": rows})


def sector_detail(request, slug):
    page = sector_selectors.sector_page(slug)
    return render(request, "strategy/sector_detail.html", {"page": page, "sector": page.sector})


def organisation_list(request):
    page = selectors.organisation_structure(reader_language())
    return render(request, "strategy/organisation_list.html", {"page": page, "diagram": page.diagram})


def organisation_detail(request, slug):
    page = selectors.organisation_page(slug, may_preview=partial(can_preview, request.user))
    data = structured_data.organisation_data(Site.of(request), page)
    return render(
        request,
        "strategy/organisation_detail.html",
        {"page": page, "organisation": page.organisation, "structured_data": data},
    )
