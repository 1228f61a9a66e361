"""What the strategy pages show, as plain dataclasses filled by the selectors and read by the templates."""

from dataclasses import dataclass, field

from core.layout.diagram import Diagram

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, Sector


@dataclass
class IndexPage:
    """The document index: dated and undated documents of the chosen kind, counts per kind, plan editions."""

    kind: str
    kind_label: str
    documents: list
    undated: list
    kinds: list  # [(value, label, count)] for the kinds that have documents
    total: int
    editions: list
    page: object = None  # core.paging.CountedPage

    @property
    def shown(self):
        """The number of documents of the chosen kind (of all kinds without one)."""
        return self.page.count if self.page is not None else len(self.documents) + len(self.undated)


@dataclass
class TreeEntry:
    """A part of a document in its tree, with its links to provisions (core.links.LinkView) and its children."""

    node: Node
    depth: int
    links: list = field(default_factory=list)
    children: list = field(default_factory=list)

    @property
    def heading(self):
        """h3 for the top parts (under the page's h2), one level down per depth, never past h6."""
        return min(3 + self.depth, 6)


@dataclass
class DocumentPage:
    """A document, its parts as a tree (each with the links it makes), and the documents around it."""

    document: Document
    tree: list  # top-level TreeEntries
    node_count: int
    superseded_by: list
    revisions: list
    preview: bool = False  # an editor sees a draft
    supersedes: Document | None = None  # the document it supersedes, when readers may see it
    revises: Document | None = None  # the document it revises, when readers may see it


@dataclass
class NodePage:
    """A part of a document with its ancestors, siblings and children (its links are in the links panel)."""

    node: Node
    document: Document
    ancestors: list
    siblings: list  # including the node itself, in document order
    children: list
    previous: Node | None
    next: Node | None
    preview: bool = False  # an editor sees a draft
    sources: list = field(default_factory=list)  # the document's


@dataclass
class EditionColumn:
    """A plan edition as a column of the sector matrix: its sector count and the sectors added and removed."""

    edition: PlanEdition
    total: int
    previous_total: int | None
    added: list
    removed: list


@dataclass
class SectorRow:
    """A sector as a row of the matrix: whether each edition includes it, and its incidents."""

    sector: Sector
    cells: list  # [bool], one per edition
    incidents: list


@dataclass
class OrgTreeEntry:
    """An organisation in the nested list, with its units."""

    organisation: Organisation
    children: list = field(default_factory=list)


@dataclass
class RelationRow:
    """A relation in the structure page's table, with its wording and legal basis."""

    relation: OrganisationRelation
    wording: str
    law: object  # core.links.LinkView of the provision the relation rests on, or None


@dataclass
class StructurePage:
    """The organisation structure: nested list, relation table and diagram."""

    tree: list
    relations: list
    diagram: Diagram


@dataclass
class RelationView:
    """A relation seen from one organisation: the other side, and the wording in that direction."""

    relation: OrganisationRelation
    outgoing: bool
    other: Organisation
    wording: str
    law: object  # core.links.LinkView of the provision the relation rests on, or None


@dataclass
class OrganisationPage:
    """One organisation: its units, relations, documents and plan editions, sources, and the parts of documents
    that link to it (core.links.LinkView from the organisation)."""

    organisation: Organisation
    units: list
    relations: list
    documents: list
    editions: list
    preview: bool = False  # an editor sees a draft
    sources: list = field(default_factory=list)
    mentions: list = field(default_factory=list)


@dataclass
class SectorPage:
    """One critical infrastructure sector: the plan editions that include it, its incidents and sources."""

    sector: Sector
    editions: list
    incidents: list
    sources: list
