"""Reads for the strategy pages: one function per page, each owning its joins.

Every page runs a fixed number of queries whatever the size of the record it shows: trees are read in
one ordered query and assembled here, never walked with get_children() in a loop.
"""

from collections import defaultdict

from django.core.exceptions import BadRequest
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import FirstValue, RowNumber
from django.http import Http404
from django.utils.translation import gettext as _

from core.editing import nobody, preview_of
from core.i18n import localized
from core.layout.diagram import DiagramLink, DiagramNode, layout_diagram
from core.links import provision_view
from core.paging import CountedPage, page_number
from core.relations import relation_wording

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, Sector, Status
from .ordering import diagram_rank, list_rank
from .pages import (
    DocumentPage,
    EditionColumn,
    IndexPage,
    NodePage,
    OrganisationPage,
    OrgTreeEntry,
    RelationRow,
    RelationView,
    SectorRow,
    StructurePage,
    TreeEntry,
)


def documents_by_date(queryset):
    """Dated documents first, oldest first; undated ones after them (NULLs sort first on SQLite otherwise)."""
    return queryset.order_by(F("decided_on").asc(nulls_last=True), "slug")


_LAW_JOINS = ("identity__act", "cited_version", "evidence")


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
    editions = list(
        PlanEdition.objects.select_related("document", "decided_by")
        .annotate(sector_total=Count("sectors"))
        .order_by("number")
    )
    total = sum(counts.values())
    for edition in editions:
        if edition.document is not None and not edition.document.is_public():
            edition.document = None  # a draft document is not linked
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
        view = provision_view(link, by_pk[link.node_id] if link.node_id else document)
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


def _public_or_none(document):
    """`document` (loaded with the page's document) when readers may see it, else None: a draft is not linked."""
    return document if document is not None and document.is_public() else None


# --- Node (a measure or any other part) ------------------------------------------------------


def node_page(slug, key, may_preview=nobody):
    """The part, its ancestors, siblings and children (one query for all three) and its provision links.

    A part readers may not see (a draft, or in a draft document) is shown only when may_preview(part) allows
    it, with its draft relatives; otherwise Http404, as for a part that does not exist."""
    node = Node.objects.select_related("document__deciding_body").filter(document__slug=slug, key=key).first()
    try:
        preview = node is not None and preview_of(node, may_preview)
    except LookupError:
        node = None
    if node is None:
        if not Document.objects.filter(slug=slug).exists():
            raise Http404(_("There is no policy document “%(slug)s”.") % {"slug": slug[:60]})
        raise Http404(_("The document has no part “%(key)s”.") % {"key": key[:60]})
    document = node.document
    same_parent = Q(parent_id=node.parent_id) if node.parent_id else Q(parent__isnull=True)
    ancestors_q = Q(tree_id=node.tree_id, lft__lt=node.lft, rght__gt=node.rght)
    family = Node.objects.filter(document=document).filter(ancestors_q | same_parent | Q(parent=node))
    ancestors, siblings, children = [], [], []
    for relative in family.order_by("tree_id", "lft"):
        relative.document = document
        if not preview and not relative.is_public():
            continue
        if relative.pk == node.pk:
            siblings.append(node)
        elif relative.parent_id == node.pk:
            children.append(relative)
        elif relative.parent_id == node.parent_id:
            siblings.append(relative)
        else:
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
    )


# --- Sector matrix ---------------------------------------------------------------------------


def sector_matrix():
    """Sectors × plan editions in three queries; totals counted by the database."""
    editions = list(
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
    """One organisation with its units, relations both ways, documents and plan editions readers may see;
    Http404 if none, or if it is a draft that may_preview(organisation) does not allow."""
    relation_qs = OrganisationRelation.objects.select_related("source", "target", *_LAW_JOINS)
    organisation = (
        Organisation.objects.select_related("parent")
        .prefetch_related(
            "units",
            Prefetch("relations_out", queryset=relation_qs),
            Prefetch("relations_in", queryset=relation_qs),
            Prefetch("documents", queryset=documents_by_date(Document.objects.select_related("deciding_body"))),
            Prefetch("plan_editions", queryset=PlanEdition.objects.select_related("document").order_by("number")),
        )
        .filter(slug=slug)
        .first()
    )
    try:
        preview = organisation is not None and preview_of(organisation, may_preview)
    except LookupError:
        organisation = None
    if organisation is None:
        raise Http404(_("There is no organisation “%(slug)s”.") % {"slug": slug[:60]})
    relations = [
        RelationView(r, True, r.target, relation_wording(r.relation_type, True), provision_view(r, r.source))
        for r in organisation.relations_out.all()
        if r.target.is_public()
    ] + [
        RelationView(r, False, r.source, relation_wording(r.relation_type, False), provision_view(r, r.source))
        for r in organisation.relations_in.all()
        if r.source.is_public()
    ]
    return OrganisationPage(
        organisation=organisation,
        units=sorted((unit for unit in organisation.units.all() if unit.is_public()), key=list_rank),
        relations=relations,
        documents=[document for document in organisation.documents.all() if document.is_public()],
        editions=list(organisation.plan_editions.all()),
        preview=preview,
    )
