"""The strategy app's record kinds (documents, their parts, organisations, sectors) and where its typed links are
stored."""

from django.db.models import BooleanField, Case, CharField, Count, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from core.records import EdgeSpec, IndexEntry, LinkStore, RecordKind, Ref, SearchSpec, slug_ref
from core.relations import RelationType
from core.urls import neutral_path
from laws.models import Source

from .models import Document, Node, Organisation, OrganisationRelation, ProvisionLink


def document_ref(document):
    return slug_ref("document", document, "title", "strategy:document")


def node_ref(node):
    """Ref of a part of a document: "5.2.3 title"; needs node.document loaded."""
    return Ref(
        f"node:{node.document.slug}:{node.key}",
        "node",
        f"{node.number} {node.title_ja}".strip(),
        f"{node.number} {node.title_en}".strip() if node.title_en else "",
        neutral_path("strategy:node", slug=node.document.slug, key=node.key),
    )


def organisation_ref(organisation):
    return slug_ref("organisation", organisation, "name", "strategy:organisation")


def sector_ref(sector):
    return slug_ref("sector", sector, "name", "strategy:sector")


# --- Sources of each kind ----------------------------------------------------------------------


def document_sources(document):
    return document.sources.all()


def node_sources(node):
    """A part of a document rests on the document's sources."""
    return node.document.sources.all()


def organisation_sources(organisation):
    return organisation.sources.all()


def sector_sources(sector):
    """A sector is known from the action plans that name it: their sources and their documents' sources."""
    editions = sector.plan_editions.all()
    return Source.objects.filter(Q(plan_editions__in=editions) | Q(documents__plan_edition__in=editions)).distinct()


# --- Search entries ----------------------------------------------------------------------------


def document_entries(documents=None):
    """One IndexEntry per document: title and summary, year decided."""
    documents = documents if documents is not None else Document.objects.all()
    for d in documents.order_by("decided_on", "slug"):
        yield IndexEntry(
            kind="document",
            object_key=d.slug,
            url=neutral_path("strategy:document", slug=d.slug),
            year=d.decided_on.year if d.decided_on else None,
            title_ja=d.title_ja,
            title_en=d.title_en,
            body_ja=d.summary_ja,
            body_en=d.summary_en,
        )


def node_entries(nodes=None):
    """One IndexEntry per part of a document: number and title, body; the document's title finds it too."""
    nodes = nodes if nodes is not None else Node.objects.all()
    for n in nodes.select_related("document").order_by("document__decided_on", "document__slug", "tree_id", "lft"):
        yield IndexEntry(
            kind="measure",
            object_key=f"{n.document.slug}:{n.key}",
            url=neutral_path("strategy:node", slug=n.document.slug, key=n.key),
            year=n.document.decided_on.year if n.document.decided_on else None,
            title_ja=f"{n.number} {n.title_ja}".strip(),
            title_en=f"{n.number} {n.title_en}".strip(),
            body_ja=n.body_ja,
            body_en=n.body_en,
            extra=(n.document.title_ja, n.document.title_en),
        )


def organisation_entries(organisations=None):
    """One IndexEntry per organisation: name with abbreviation, description."""
    organisations = organisations if organisations is not None else Organisation.objects.all()
    for o in organisations.order_by("slug"):
        abbreviation = o.abbreviation
        yield IndexEntry(
            kind="organisation",
            object_key=o.slug,
            url=neutral_path("strategy:organisation", slug=o.slug),
            title_ja=o.name_ja + (f"（{abbreviation}）" if abbreviation else ""),
            title_en=(o.name_en or "") + (f" ({abbreviation})" if abbreviation else ""),
            body_ja=o.description_ja,
            body_en=o.description_en,
        )


KINDS = (
    RecordKind(
        key="document",
        model="strategy.Document",
        plural=_("Policy documents"),
        ref=document_ref,
        order=20,
        public=lambda documents: documents.public(),
        sources=document_sources,
        search=SearchSpec(
            kind="document",
            model="strategy.Document",
            entries=document_entries,
            key=lambda document: document.slug,
            affected_by={"strategy.Document": lambda document: [document]},
        ),
    ),
    RecordKind(
        key="node",
        model="strategy.Node",
        plural=_("Measures and document parts"),
        ref=node_ref,
        order=30,
        public=lambda nodes: nodes.public(),
        ref_related=("document",),
        find=lambda rest: _two_part(Node.objects.select_related("document"), "document__slug", "key", rest),
        sources=node_sources,
        search=SearchSpec(
            kind="measure",
            model="strategy.Node",
            entries=node_entries,
            key=lambda node: f"{node.document.slug}:{node.key}",
            affected_by={
                "strategy.Node": lambda node: [node],
                "strategy.Document": lambda document: document.nodes.select_related("document"),
            },
        ),
    ),
    RecordKind(
        key="organisation",
        model="strategy.Organisation",
        plural=_("Organisations"),
        ref=organisation_ref,
        order=50,
        public=lambda organisations: organisations.public(),
        sources=organisation_sources,
        search=SearchSpec(
            kind="organisation",
            model="strategy.Organisation",
            entries=organisation_entries,
            key=lambda organisation: organisation.slug,
            affected_by={"strategy.Organisation": lambda organisation: [organisation]},
        ),
    ),
    RecordKind(
        key="sector",
        model="strategy.Sector",
        plural=_("Critical infrastructure sectors"),
        ref=sector_ref,
        order=55,
        sources=sector_sources,
    ),
)


def _two_part(queryset, first, second, rest):
    """The row of `queryset` whose `first` and `second` fields are the two parts of "first:second", or None."""
    a, _, b = rest.partition(":")
    return queryset.filter(**{first: a, second: b}).first() if a and b else None


# --- Where the links are -----------------------------------------------------------------------

# Stated links before interpretations, those with a source first, then in the order they were recorded.
TYPED_LINK_RELEVANCE = (
    "interpretation",
    Case(When(evidence__isnull=True, then=Value(1)), default=Value(0), output_field=IntegerField()),
    "pk",
)


def constant(value):
    """A constant query expression for a LinkStore grouping (a str or a bool)."""
    return Value(value, output_field=BooleanField() if isinstance(value, bool) else CharField())


def _provision_link_source_kind():
    return Case(When(node__isnull=True, then=Value("document")), default=Value("node"), output_field=CharField())


def _provision_link_target_kind():
    return Case(
        When(identity__isnull=False, then=Value("article")),
        When(organisation__isnull=False, then=Value("organisation")),
        When(sector__isnull=False, then=Value("sector")),
        When(target_node__isnull=False, then=Value("node")),
        default=Value("document"),
        output_field=CharField(),
    )


def _provision_links_grouping(kind):
    if kind in ("article", "organisation", "sector"):  # only ever a target
        return {"relation": F("relation_type"), "outgoing": constant(False), "other": _provision_link_source_kind()}
    return None  # a document or a part may be either end of a row (a slide links to a document): few, read whole


def _provision_links_summary(visible):
    rows = (
        ProvisionLink.objects.filter(visible or Q())
        .annotate(source_kind=_provision_link_source_kind(), target_kind=_provision_link_target_kind())
        .values("source_kind", "relation_type", "target_kind")
        .annotate(links=Count("pk"))
        .order_by()
    )
    return [(row["source_kind"], row["relation_type"], row["target_kind"], row["links"]) for row in rows]


def _relations_grouping(kind):
    if kind == "article":  # the provision is the legal basis of the organisation that holds the power
        return {
            "relation": constant(RelationType.LEGAL_BASIS.value),
            "outgoing": constant(False),
            "other": constant("organisation"),
        }
    return None  # seen from an organisation, a row may be a relation and a legal basis


def _relations_summary(visible):
    rows = (
        OrganisationRelation.objects.filter(visible or Q())
        .values("relation_type")
        .annotate(links=Count("pk"), based=Count("identity"))
    )
    out = []
    for row in rows.order_by():
        out.append(("organisation", row["relation_type"], "organisation", row["links"]))
        if row["based"]:
            out.append(("organisation", RelationType.LEGAL_BASIS.value, "article", row["based"]))
    return out


def _document_links_grouping(kind):
    if kind == "amendment":
        return {
            "relation": constant(RelationType.RELATED.value),
            "outgoing": constant(False),
            "other": constant("document"),
        }
    return None  # a document row may supersede, revise and describe an amending act at once


def _document_links_summary(visible):
    """Links from the documents `visible` keeps; one to a document readers may not see is not counted."""
    public = Document.objects.public()
    counts = Document.objects.filter(visible or Q()).aggregate(
        supersedes=Count("supersedes", filter=Q(supersedes__in=public)),
        revises=Count("revises", filter=Q(revises__in=public)),
        related=Count("amending_act"),
    )
    return [
        ("document", RelationType.SUPERSEDES.value, "document", counts["supersedes"]),
        ("document", RelationType.REVISES.value, "document", counts["revises"]),
        ("document", RelationType.RELATED.value, "amendment", counts["related"]),
    ]


_LAW = ("identity__act", "cited_version__act", "evidence__cited_by")


def _provision_links_touching(kind, pks):
    return {
        "article": Q(identity__in=pks),
        "document": Q(document__in=pks, node__isnull=True) | Q(target_document__in=pks, target_node__isnull=True),
        "node": Q(node__in=pks) | Q(target_node__in=pks),
        "organisation": Q(organisation__in=pks),
        "sector": Q(sector__in=pks),
    }.get(kind)


_TARGETS = ("organisation", "sector", "target_document", "target_node__document")


def _relations_touching(kind, pks):
    return {"organisation": Q(source__in=pks) | Q(target__in=pks), "article": Q(identity__in=pks)}.get(kind)


def _relation_edges(relation):
    """The relation between the two organisations and, when a provision grounds it, the provision as the
    legal basis of the organisation that holds the power."""
    yield EdgeSpec(relation.source, relation.target, relation.relation_type, relation)
    if relation.identity_id:
        yield EdgeSpec(relation.source, relation.identity, RelationType.LEGAL_BASIS, relation)


def _document_links_touching(kind, pks):
    return {
        "document": Q(pk__in=pks) | Q(supersedes__in=pks) | Q(revises__in=pks),
        "amendment": Q(amending_act__in=pks),
    }.get(kind)


def _document_links():
    """The documents that stand for at least one link readers may see: a successor or revision of a document
    that is not a draft (supersedes_public / revises_public say which), or the description of an amending act."""
    return (
        Document.objects.select_related("supersedes", "revises", "amending_act__act")
        .annotate(
            supersedes_public=Exists(Document.objects.public().filter(pk=OuterRef("supersedes_id"))),
            revises_public=Exists(Document.objects.public().filter(pk=OuterRef("revises_id"))),
        )
        .filter(Q(supersedes_public=True) | Q(revises_public=True) | Q(amending_act__isnull=False))
    )


def _document_edges(document):
    """The row's own edges; one to a document readers may not see (a draft) is left out."""
    if document.supersedes_id and getattr(document, "supersedes_public", True):
        yield EdgeSpec(document, document.supersedes, RelationType.SUPERSEDES)
    if document.revises_id and getattr(document, "revises_public", True):
        yield EdgeSpec(document, document.revises, RelationType.REVISES)
    if document.amending_act_id:
        yield EdgeSpec(document, document.amending_act, RelationType.RELATED)


def _one_if(condition):
    """1 where the condition holds, else 0, as a query expression."""
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


LINK_STORES = (
    LinkStore(
        name="strategy.ProvisionLink",
        queryset=lambda: ProvisionLink.objects.select_related("document", "node__document", *_TARGETS, *_LAW),
        touching=_provision_links_touching,
        edges=lambda link: [EdgeSpec(link.record, link.target, link.relation_type, link)],
        grouping=_provision_links_grouping,
        relevance=TYPED_LINK_RELEVANCE,
        summary=_provision_links_summary,
        ends=(
            ("document", "document"),
            ("node", "node"),
            ("article", "identity"),
            ("organisation", "organisation"),
            ("document", "target_document"),
            ("node", "target_node"),
        ),
    ),
    LinkStore(
        name="strategy.OrganisationRelation",
        queryset=lambda: OrganisationRelation.objects.select_related("source", "target", *_LAW),
        touching=_relations_touching,
        edges=_relation_edges,
        grouping=_relations_grouping,
        relevance=TYPED_LINK_RELEVANCE,
        summary=_relations_summary,
        ends=(("organisation", "source"), ("organisation", "target"), ("article", "identity")),
        edges_per_row=lambda: 1 + _one_if(Q(identity__isnull=False)),
    ),
    LinkStore(
        name="strategy.Document",
        queryset=_document_links,
        touching=_document_links_touching,
        edges=_document_edges,
        grouping=_document_links_grouping,
        relevance=("decided_on", "slug"),
        summary=_document_links_summary,
        ends=(("document", "pk"),),
        edges_per_row=lambda: (
            _one_if(Q(supersedes_public=True))
            + _one_if(Q(revises_public=True))
            + _one_if(Q(amending_act__isnull=False))
        ),
    ),
)
