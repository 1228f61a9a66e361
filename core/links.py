"""A typed link as pages show it: the edge between two records, and the view of it from one end."""

from dataclasses import dataclass

from .i18n import localized, reader_language
from .records import EdgeSpec, Ref, registry
from .relations import relation_wording


@dataclass(frozen=True)
class Edge:
    """A typed link between two records.

    source, target: Refs; relation_type: a RelationType value, read from the source; link: the stored row
    (for its note, evidence and interpretation flag), None for a link stored as a plain foreign key; anchor:
    the paragraph or item anchor when the target is an article; citation_ja / citation_en: how the link's
    source cites the provision ("" when no provision is cited); cited_path: the language-neutral path of the
    provision in the version the source cites, when the target is that article.
    """

    source: Ref
    target: Ref
    relation_type: str
    link: object = None
    anchor: str = ""
    citation_ja: str = ""
    citation_en: str = ""
    cited_path: str = ""

    @property
    def interpretation(self):
        """True when the link is this knowledge base's reading rather than a statement of its source."""
        return bool(self.link is not None and self.link.interpretation)

    @property
    def evidence(self):
        """The Source that shows the link, or None."""
        return self.link.evidence if self.link is not None else None

    def note(self, language=None):
        """The link's note in the reader's language (core.i18n.Localized), or None without a note."""
        if self.link is None or not getattr(self.link, "note_ja", ""):
            return None
        return localized(self.link, "note", language)

    def citation(self, language=None):
        return self.citation_en if reader_language(language) == "en" else self.citation_ja


def edge_from(spec):
    """The Edge of a core.records.EdgeSpec (its records' ref_related and the link's law reference loaded)."""
    source, target = registry.ref(spec.source), registry.ref(spec.target)
    link = spec.link
    cites = link is not None and getattr(link, "identity_id", None) is not None
    address = link.address() if cites else None
    return Edge(
        source,
        target,
        spec.relation_type,
        link=link,
        anchor=address.anchor if address and target.kind == "article" else "",
        citation_ja=address.label("ja") if address else "",
        citation_en=address.label("en") if address else "",
        cited_path=address.path() if address and target.kind == "article" else "",
    )


@dataclass(frozen=True)
class LinkView:
    """A typed link seen from one of its records: how it reads from there, and the record at the other end.

    wording: the relation read from this end ("legal basis" / "legal basis of"); outgoing: True when this
    record is the link's source; other: the Ref of the other record; edge: the Edge; url: the other record's
    language-neutral path, or for a link to a provision the provision as cited (version and paragraph).
    """

    wording: str
    outgoing: bool
    other: Ref
    edge: Edge

    @property
    def url(self):
        return self.edge.cited_path if self.outgoing and self.edge.cited_path else self.other.url


def provision_view(link, record):
    """The LinkView, from `record` (the link's source, its kind's ref_related loaded), of a typed link that cites a
    provision (link.identity.act and link.cited_version loaded); None when the link cites no article."""
    if not link.identity_id:
        return None
    edge = edge_from(EdgeSpec(record, link.identity, link.relation_type, link))
    return view_from(edge, edge.source.key)


def view_from(edge, record_key):
    """The LinkView of an Edge from the record keyed `record_key` (one of its two ends)."""
    outgoing = edge.source.key == record_key
    return LinkView(
        str(relation_wording(edge.relation_type, outgoing)), outgoing, edge.target if outgoing else edge.source, edge
    )
