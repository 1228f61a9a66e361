"""The link network: every typed link between records, read in both directions.

Links are stored where they are made (strategy.ProvisionLink, incidents.IncidentLink,
strategy.OrganisationRelation, Document.supersedes / revises / amending_act); this module reads
them all as edges between record keys such as `article:25`, `document:cs-strategy-2015`,
`node:cs-strategy-2015:m-5-2-3`, `incident:opm-2015`, `organisation:nisc`, `amendment:H28-31`.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import localized
from core.relations import RelationType
from incidents.models import Incident, IncidentLink
from laws.address import cite
from laws.models import AmendingAct, ArticleIdentity
from strategy.models import Document, Node, Organisation, OrganisationRelation, ProvisionLink

KIND_LABELS = {
    "article": _("Articles"),
    "document": _("Policy documents"),
    "node": _("Measures and document parts"),
    "incident": _("Incidents"),
    "organisation": _("Organisations"),
    "amendment": _("Amending acts"),
}


@dataclass(frozen=True)
class Ref:
    """A record as a graph node: key, kind, labels in both languages, language-neutral URL."""

    key: str
    kind: str
    label_ja: str
    label_en: str
    url: str

    def label(self, language):
        return self.label_en if language == "en" and self.label_en else self.label_ja


@dataclass(frozen=True)
class Edge:
    source: Ref
    target: Ref
    relation_type: str
    note: object = None  # the link object, for its translated note
    evidence: object = None
    interpretation: bool = False
    anchor: str = ""
    citation_ja: str = ""
    citation_en: str = ""


def record_key(record):
    if isinstance(record, ArticleIdentity):
        return f"article:{record.key}"
    if isinstance(record, Document):
        return f"document:{record.slug}"
    if isinstance(record, Node):
        return f"node:{record.document.slug}:{record.key}"
    if isinstance(record, Incident):
        return f"incident:{record.slug}"
    if isinstance(record, Organisation):
        return f"organisation:{record.slug}"
    if isinstance(record, AmendingAct):
        return f"amendment:{record.key}"
    raise TypeError(f"not a linkable record: {record!r}")


def _path(name, **kwargs):
    from .indexing import path

    return path(name, **kwargs)


def ref(record):
    if isinstance(record, ArticleIdentity):
        return Ref(
            record_key(record),
            "article",
            cite(record.key, language="ja") + (f"（{record.caption_ja}）" if record.caption_ja else ""),
            cite(record.key, language="en") + (f" {record.caption_en}" if record.caption_en else ""),
            _path("laws:article", act=record.act.slug, number=record.key),
        )
    if isinstance(record, Document):
        return Ref(
            record_key(record),
            "document",
            record.title_ja,
            record.title_en,
            _path("strategy:document", slug=record.slug),
        )
    if isinstance(record, Node):
        return Ref(
            record_key(record),
            "node",
            f"{record.number} {record.title_ja}".strip(),
            f"{record.number} {record.title_en}".strip(),
            _path("strategy:node", slug=record.document.slug, key=record.key),
        )
    if isinstance(record, Incident):
        return Ref(
            record_key(record),
            "incident",
            record.title_ja,
            record.title_en,
            _path("incidents:detail", slug=record.slug),
        )
    if isinstance(record, Organisation):
        return Ref(
            record_key(record),
            "organisation",
            record.name_ja,
            record.name_en,
            _path("strategy:organisation", slug=record.slug),
        )
    if isinstance(record, AmendingAct):
        return Ref(
            record_key(record),
            "amendment",
            record.law_number_ja,
            record.law_number_en,
            _path("laws:amendment", act=record.act.slug, key=record.key),
        )
    raise TypeError(f"not a linkable record: {record!r}")


def _link_edge(source_ref, target_ref, link, relation_type=None):
    """An edge read from a typed link (laws.models.TypedLink): its note, evidence and citation of the Act;
    when the edge ends at the article, also the paragraph or item anchor there."""
    cited = bool(link.identity_id)
    return Edge(
        source_ref,
        target_ref,
        relation_type or link.relation_type,
        note=link,
        evidence=link.evidence,
        interpretation=link.interpretation,
        anchor=link.anchor if target_ref.kind == "article" else "",
        citation_ja=link.citation("ja") if cited else "",
        citation_en=link.citation("en") if cited else "",
    )


def edges(record=None, kinds=None):
    """Every edge, or only those touching `record`. A fixed number of queries either way."""
    key = record_key(record) if record is not None else None
    out = []

    provision_links = ProvisionLink.objects.select_related(
        "document", "node__document", "identity__act", "cited_version", "evidence"
    )
    incident_links = IncidentLink.objects.select_related(
        "incident", "document", "node__document", "identity__act", "cited_version", "evidence"
    )
    relations = OrganisationRelation.objects.select_related(
        "source", "target", "identity__act", "cited_version", "evidence"
    )
    documents = Document.objects.select_related("supersedes", "revises", "amending_act__act").filter(
        Q(supersedes__isnull=False) | Q(revises__isnull=False) | Q(amending_act__isnull=False)
    )
    if record is not None:
        if isinstance(record, ArticleIdentity):
            provision_links = provision_links.filter(identity=record)
            incident_links = incident_links.filter(identity=record)
            relations = relations.filter(identity=record)
            documents = documents.none()
        elif isinstance(record, Document):
            provision_links = provision_links.filter(document=record, node__isnull=True)
            incident_links = incident_links.filter(document=record, node__isnull=True)
            relations = relations.none()
            documents = documents.filter(Q(pk=record.pk) | Q(supersedes=record) | Q(revises=record))
        elif isinstance(record, Node):
            provision_links = provision_links.filter(node=record)
            incident_links = incident_links.filter(node=record)
            relations, documents = relations.none(), documents.none()
        elif isinstance(record, Incident):
            provision_links, relations, documents = provision_links.none(), relations.none(), documents.none()
            incident_links = incident_links.filter(incident=record)
        elif isinstance(record, Organisation):
            provision_links, incident_links, documents = (
                provision_links.none(),
                incident_links.none(),
                documents.none(),
            )
            relations = relations.filter(Q(source=record) | Q(target=record))
        elif isinstance(record, AmendingAct):
            provision_links, incident_links, relations = (
                provision_links.none(),
                incident_links.none(),
                relations.none(),
            )
            documents = documents.filter(amending_act=record)

    for link in provision_links:
        out.append(_link_edge(ref(link.node or link.document), ref(link.identity), link))
    for link in incident_links:
        target = ref(link.identity) if link.identity_id else ref(link.node or link.document)
        out.append(_link_edge(ref(link.incident), target, link))
    for relation in relations:
        if record is not None and isinstance(record, ArticleIdentity):
            # The article is the legal basis of a relation between two organisations.
            out.append(_link_edge(ref(relation.source), ref(record), relation, RelationType.LEGAL_BASIS))
        else:
            out.append(_link_edge(ref(relation.source), ref(relation.target), relation))
    for document in documents:
        source = ref(document)
        if document.supersedes_id:
            out.append(Edge(source, ref(document.supersedes), RelationType.SUPERSEDES))
        if document.revises_id:
            out.append(Edge(source, ref(document.revises), RelationType.REVISES))
        if document.amending_act_id:
            out.append(Edge(source, ref(document.amending_act), RelationType.RELATED))
    if key is not None:
        out = [edge for edge in out if key in (edge.source.key, edge.target.key)]
    if kinds:
        out = [edge for edge in out if edge.source.kind in kinds and edge.target.kind in kinds]
    return out


@dataclass
class LinkView:
    wording: str
    outgoing: bool
    other: Ref
    edge: Edge


def grouped_links(record, language):
    """[(wording, [(kind label, [LinkView])])]: a record's links grouped by relation and record kind."""
    key = record_key(record)
    from core.relations import relation_wording

    groups = {}
    for edge in edges(record):
        outgoing = edge.source.key == key
        other = edge.target if outgoing else edge.source
        wording = str(relation_wording(edge.relation_type, outgoing))
        groups.setdefault(wording, {}).setdefault(other.kind, []).append(LinkView(wording, outgoing, other, edge))
    result = []
    for wording in sorted(groups):
        kinds = groups[wording]
        result.append(
            (
                wording,
                [
                    (KIND_LABELS[kind], sorted(views, key=lambda v: v.other.label(language)))
                    for kind, views in sorted(kinds.items())
                ],
            )
        )
    return result


def neighbourhood(record, depth=2, kinds=None):
    """The record's neighbours to `depth`: (refs, edges) from one read of the edge list."""
    all_edges = edges(kinds=kinds)
    start = record_key(record)
    seen = {start}
    frontier = {start}
    for _level in range(depth):
        following = set()
        for edge in all_edges:
            if edge.source.key in frontier and edge.target.key not in seen:
                following.add(edge.target.key)
            if edge.target.key in frontier and edge.source.key not in seen:
                following.add(edge.source.key)
        seen |= following
        frontier = following
    kept = [e for e in all_edges if e.source.key in seen and e.target.key in seen]
    refs = {ref(record).key: ref(record)}
    for edge in kept:
        refs[edge.source.key] = edge.source
        refs[edge.target.key] = edge.target
    return refs, kept


def localized_note(edge, language):
    return localized(edge.note, "note", language) if edge.note is not None else None
