"""The pages of the link network: the relation vocabulary, the whole network as counts, a record's full list of
the links of one group."""

from collections import Counter
from functools import partial

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.editing import can_preview, preview_of
from core.records import registry
from core.relations import RELATION_DEFINITIONS, RELATION_INVERSE, RelationType

from . import relations
from .views import query_without


def about_links(request):
    """The relation vocabulary: each relation, its inverse wording, its definition and its number of links."""
    counts = Counter()
    for _source, relation, _target, count in relations.network_summary():
        counts[relation] += count
    vocabulary = [
        (
            relation,
            relation.label,
            RELATION_INVERSE[relation],
            RELATION_DEFINITIONS[relation],
            counts.get(relation.value, 0),
        )
        for relation in RelationType
    ]
    return render(request, "about_links.html", {"vocabulary": vocabulary})


def graph(request):
    """The whole network as counts between record kinds, only between the kinds of ?kind= when given (400 for a
    kind the site does not know)."""
    kinds = request.GET.getlist("kind")
    if any(kind not in registry.kinds for kind in kinds):
        raise BadRequest(_("Unknown record kind in the graph filter."))
    from .graphs import knowledge_base_graph

    return render(
        request,
        "graph.html",
        {
            "graph": knowledge_base_graph(kinds or None),
            "kinds": kinds,
            "kind_choices": [(kind.key, kind.plural) for kind in registry.ordered()],
        },
    )


def related_links(request, key):
    """Every link of one group of a record (?relation=…&direction=in|out&kind=…), a page at a time; a draft's
    only for an editor who may preview it (else 404), links to other drafts left out."""
    record = registry.lookup(key)
    try:
        preview = record is not None and preview_of(record, partial(can_preview, request.user))
    except LookupError:
        record = None
    if record is None:
        raise Http404(_("No record is recorded at this address. Try the search, or start from the home page."))
    relation, direction, kind = (request.GET.get(name, "") for name in ("relation", "direction", "kind"))
    links = relations.group_list(record, relation, direction, kind, preview=preview)
    if links is None:
        raise BadRequest(
            _("This list of links needs a relation, a direction (in or out) and a kind of record that this site knows.")
        )
    page = Paginator(links, relations.LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "related_links.html",
        {
            "ref": registry.ref(record),
            "group": relations.LinkGroup(relation, direction == "out", kind, total=page.paginator.count),
            "page": page,
            "base_query": query_without(request, "page"),
            "preview": preview,
        },
    )
