"""Reads for the strategy pages: one function per page, each owning its joins.

Every page runs a fixed number of queries whatever the size of the record it shows: trees are read in
one ordered query and assembled here, never walked with get_children() in a loop.
"""

import math
from collections import defaultdict

from django.core.exceptions import BadRequest
from django.db.models import Count, F, Q, Window
from django.db.models.functions import FirstValue, RowNumber
from django.http import Http404
from django.utils.translation import gettext as _

from core.editing import nobody, preview_of
from core.i18n import localized
from core.layout.diagram import DiagramLink, DiagramNode, layout_diagram
from core.links import edge_from, provision_view, view_from
from core.paging import CountedPage, page_number
from core.records import EdgeSpec, registry
from core.relations import relation_wording

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Status
from .ordering import diagram_rank, list_rank
from .pages import (
    DocumentPage,
    IndexPage,
    NodePage,
    OrganisationPage,
    OrgTreeEntry,
    RelationRow,
    RelationView,
    StructurePage,
    TreeEntry,
)


def documents_by_date(queryset):
    """Dated documents first, oldest first; undated ones after them (NULLs sort first on SQLite otherwise)."""
    return queryset.order_by(F("decided_on").asc(nulls_last=True), "slug")


_LAW_JOINS = ("identity__act", "cited_version", "evidence__cited_by")


def link_view(link, record):
    """The core.links.LinkView, from `record` (the linking part or document), of one of a document's links:
    to a provision (numbered as cited) or to another record; None for a link to a record readers may not see (a
    draft: link.target's is_public())."""
    if not _is_public(link.target):
        return None
    if link.identity_id:
        return provision_view(link, record)
    return view_from(edge_from(EdgeSpec(record, link.target, link.relation_type, link)), registry.key(record))


# --- Index -----------------------------------------------------------------------------------


DOCUMENTS_PER_PAGE = 20


def index_page(kind="", number=1):
    """Page `number` of the documents readers may see (of `kind`, when given), dated first, oldest first, with the
    number of documents of each kind, in one query; and the plan editions in a second (a draft document is not
    linked from its edition).

    The one query ranks and counts the documents within each kind and overall (window functions), and keeps the
    rows of the page and the first row of each kind (which carries that kind's count)."""
    kind = (kind or "").strip()
    if kind and kind not in Document.Kind.values:
        raise BadRequest(
            _("There is no document kind “%(value)s”. Choose one of: %(choices)s.")
            % {"value": kind[:40], "choices": ", ".join(Document.Kind.values)}
        )
    number = page_number(number)
    counts, shown = _index_rows(kind, number)
    last = max(math.ceil((counts.get(kind, 0) if kind else sum(counts.values())) / DOCUMENTS_PER_PAGE), 1)
    if number > last:  # a page past the end shows the last page (one query more), as the other lists do
        number = last
        counts, shown = _index_rows(kind, number)
    editions = list(
        PlanEdition.objects.select_related("document", "decided_by")
        .annotate(sector_total=Count("sectors"))
        .order_by("number")
    )
    total = sum(counts.values())
    editions = without_draft_documents(editions)
    return IndexPage(
        kind=kind,
        kind_label=Document.Kind(kind).label if kind else "",
        documents=[document for document in shown if document.decided_on],
        undated=[document for document in shown if not document.decided_on],
        kinds=[(value, label, counts[value]) for value, label in Document.Kind.choices if counts.get(value)],
        total=total,
        editions=editions,
        page=CountedPage(number, DOCUMENTS_PER_PAGE, counts.get(kind, 0) if kind else total),
    )


def _index_rows(kind, number):
    """({kind: count}, the documents shown on page `number`) of the document index: one query (see index_page)."""
    order = [F("decided_on").asc(nulls_last=True), "slug"]
    start, stop = (number - 1) * DOCUMENTS_PER_PAGE, number * DOCUMENTS_PER_PAGE
    if kind:
        on_page = Q(kind_of_row=kind, kind_rank__gt=start, kind_rank__lte=stop)
    else:
        on_page = Q(rank__gt=start, rank__lte=stop)
    rows = list(
        Document.objects.public()
        .for_list()
        .annotate(
            rank=Window(RowNumber(), order_by=order),
            kind_rank=Window(RowNumber(), partition_by=[F("kind")], order_by=order),
            kind_total=Window(Count("pk"), partition_by=[F("kind")]),
            kind_of_row=Window(FirstValue("kind"), partition_by=[F("kind")]),
        )
        .filter(on_page | Q(kind_rank=1))
        .order_by(*order)
    )
    counts = {row.kind: row.kind_total for row in rows}
    shown = [row for row in rows if (row.kind_rank if kind else row.rank) > start and (not kind or row.kind == kind)]
    return counts, shown


# --- Document --------------------------------------------------------------------------------


def document_page(slug, may_preview=nobody):
    """The document, its links and every part readers may see, in the same number of queries for 0 parts or 40.

    A draft document (or, in any document, a draft part) is shown only when may_preview(document) allows it
    (core.editing.preview_of): then every part is shown. Raises Http404 otherwise."""
    document = (
        Document.objects.for_detail_page()
        .select_related("amending_act__act", "deciding_body")
        .filter(slug=slug)
        .first()
    )
    try:
        preview = document is not None and preview_of(document, may_preview)
    except LookupError:
        document = None
    if document is None:
        raise Http404(_("There is no policy document “%(slug)s”.") % {"slug": slug[:60]})
    nodes = [node for node in Node.objects.for_document_page(document) if preview or node.status == Status.PUBLISHED]
    for node in nodes:
        node.document = document  # node.get_absolute_url() and the links read it: no lazy load
    by_pk = {node.pk: node for node in nodes}
    links_by_node = defaultdict(list)
    for link in document.provision_links.all():
        if link.node_id and link.node_id not in by_pk:
            continue  # made by a part not shown
        view = link_view(link, by_pk[link.node_id] if link.node_id else document)
        if view is not None:
            links_by_node[link.node_id].append(view)
    entries, tree = {}, []
    for node in nodes:
        if node.parent_id and node.parent_id not in entries:
            continue  # under a part not shown
        parent = entries.get(node.parent_id)
        entry = TreeEntry(node, parent.depth + 1 if parent else 0, links_by_node.get(node.pk, []))
        entries[node.pk] = entry
        (parent.children if parent else tree).append(entry)
    return DocumentPage(
        document=document,
        tree=tree,
        node_count=len(nodes),
        superseded_by=[other for other in document.superseded_by.all() if other.is_public()],
        revisions=[other for other in document.revisions.all() if other.is_public()],
        preview=preview,
        supersedes=_public_or_none(document.supersedes),
        revises=_public_or_none(document.revises),
    )


def _public_or_none(record):
    """`record` (loaded with the page's record) when readers may see it, else None: a draft is not linked."""
    return record if record is not None and _is_public(record) else None


def _is_public(record):
    """Whether readers may see `record` (its is_public(); a record of a kind without drafts always)."""
    is_public = getattr(record, "is_public", None)
    return is_public is None or is_public()


# --- Node (a measure or any other part) ------------------------------------------------------


def node_page(slug, key, may_preview=nobody):
    """The part, its ancestors, siblings and children (every part of the document read in one query), and the
    document's sources.

    A part readers may not see (a draft, or in a draft document) is shown only when may_preview(part) allows
    it, with its draft relatives; otherwise Http404, as for a part that does not exist."""
    nodes = list(
        Node.objects.filter(document__slug=slug).select_related("document__deciding_body").order_by("tree_id", "lft")
    )
    node = next((n for n in nodes if n.key == key), None)
    try:
        preview = node is not None and preview_of(node, may_preview)
    except LookupError:
        node = None
    if node is None:
        if not nodes and not Document.objects.filter(slug=slug).exists():
            raise Http404(_("There is no policy document “%(slug)s”.") % {"slug": slug[:60]})
        raise Http404(_("The document has no part “%(key)s”.") % {"key": key[:60]})
    document = node.document
    ancestors, siblings, children = [], [], []
    for relative in nodes:
        relative.document = document
        if not preview and not relative.is_public():
            continue
        if relative.pk == node.pk:
            siblings.append(node)
        elif relative.parent_id == node.pk:
            children.append(relative)
        elif relative.parent_id == node.parent_id:
            siblings.append(relative)
        elif relative.tree_id == node.tree_id and relative.lft < node.lft and relative.rght > node.rght:
            ancestors.append(relative)
    index = siblings.index(node)
    return NodePage(
        node=node,
        document=document,
        ancestors=ancestors,
        siblings=siblings,
        children=children,
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if index + 1 < len(siblings) else None,
        preview=preview,
        sources=list(document.sources.select_related("cited_by")),
    )


# --- Organisations ---------------------------------------------------------------------------


def organisation_structure(language):
    """Every organisation and relation readers may see, in two queries: nested list, relation table and diagram."""
    organisations = list(Organisation.objects.public())
    relations = list(
        OrganisationRelation.objects.select_related("source", "target", *_LAW_JOINS).filter(
            source__in=Organisation.objects.public(), target__in=Organisation.objects.public()
        )
    )
    entries = {organisation.pk: OrgTreeEntry(organisation) for organisation in organisations}
    tree = []
    for organisation in sorted(organisations, key=list_rank):
        parent = entries.get(organisation.parent_id)
        (parent.children if parent else tree).append(entries[organisation.pk])
    rows = [
        RelationRow(relation, relation_wording(relation.relation_type), provision_view(relation, relation.source))
        for relation in relations
    ]
    return StructurePage(tree=tree, relations=rows, diagram=organisation_diagram(organisations, relations, language))


def organisation_diagram(organisations, relations, language):
    """The hub-and-ring Diagram (core.layout.diagram) of `organisations` and their `relations` (lists of rows
    already read), names and relation wording in `language`; ring and strip in diagram_rank order."""
    nodes = []
    for organisation in organisations:
        name = localized(organisation, "name", language)
        nodes.append(
            DiagramNode(
                key=organisation.pk,
                name=name.text,
                url=organisation.get_absolute_url(),
                abbreviation=organisation.abbreviation,
                order=diagram_rank(organisation),
                fallback=name.is_fallback,
            )
        )
    links = [
        DiagramLink(
            source=relation.source_id,
            target=relation.target_id,
            label=str(relation_wording(relation.relation_type)),
            sort=relation.relation_type,
            dashed=bool(relation.interpretation),
        )
        for relation in relations
    ]
    return layout_diagram(nodes, links)


def organisation_page(slug, may_preview=nobody):
    """One organisation with its units, relations both ways, documents and plan editions, its sources and the
    parts of documents that link to it, in six queries, as far as readers may see them; Http404 if none, or if
    it is a draft that may_preview(organisation) does not allow."""
    family = list(
        Organisation.objects.select_related("parent").filter(Q(slug=slug) | Q(parent__slug=slug)).order_by("pk")
    )
    organisation = next((o for o in family if o.slug == slug), None)
    try:
        preview = organisation is not None and preview_of(organisation, may_preview)
    except LookupError:
        organisation = None
    if organisation is None:
        raise Http404(_("There is no organisation “%(slug)s”.") % {"slug": slug[:60]})
    found = OrganisationRelation.objects.select_related("source", "target", *_LAW_JOINS)
    found = list(found.filter(Q(source=organisation) | Q(target=organisation)))
    relations = [
        RelationView(r, True, r.target, relation_wording(r.relation_type, True), provision_view(r, r.source))
        for r in found
        if r.source_id == organisation.pk and r.target.is_public()
    ] + [
        RelationView(r, False, r.source, relation_wording(r.relation_type, False), provision_view(r, r.source))
        for r in found
        if r.source_id != organisation.pk and r.source.is_public()
    ]
    mentions = (
        ProvisionLink.objects.filter(organisation=organisation, document__in=Document.objects.public())
        .filter(Q(node__isnull=True) | Q(node__in=Node.objects.public()))
        .select_related("document", "node__document", "evidence__cited_by")
    )
    key = registry.key(organisation)
    return OrganisationPage(
        organisation=organisation,
        units=sorted((o for o in family if o.parent_id == organisation.pk and o.is_public()), key=list_rank),
        relations=relations,
        documents=list(documents_by_date(organisation.documents.public().select_related("deciding_body"))),
        editions=without_draft_documents(organisation.plan_editions.select_related("document").order_by("number")),
        preview=preview,
        sources=list(organisation.sources.select_related("cited_by")),
        mentions=[
            view_from(edge_from(EdgeSpec(link.record, organisation, link.relation_type, link)), key)
            for link in mentions
        ],
    )


def without_draft_documents(editions):
    """The plan editions as a list, a draft document of an edition unlinked (set to None)."""
    editions = list(editions)
    for edition in editions:
        if edition.document is not None and not edition.document.is_public():
            edition.document = None
    return editions
