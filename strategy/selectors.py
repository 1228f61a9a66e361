"""Reads for the strategy pages: one function per page, each owning its joins.

Every page runs a fixed number of queries whatever the size of the record it shows: trees are read in
one ordered query and assembled here, never walked with get_children() in a loop.
"""

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import BadRequest
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from core.i18n import localized
from core.relations import relation_wording

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, Sector


def documents_by_date(queryset):
    """Dated documents first, oldest first; undated ones after them (NULLs sort first on SQLite otherwise)."""
    return queryset.order_by(F("decided_on").asc(nulls_last=True), "slug")


# --- Links to the Act ------------------------------------------------------------------------


@dataclass
class LawRef:
    """A link to an article as the page shows it: the citation as the source numbers it, and where it leads."""

    link: object  # ProvisionLink or OrganisationRelation
    citation: str
    url: str
    version_key: str  # "original", "current" or "" when the source's numbering is not recorded

    @property
    def wording(self):
        return relation_wording(self.link.relation_type)


def law_ref(link, language):
    """Needs link.identity.act and link.cited_version loaded (select_related)."""
    if not link.identity_id:
        return None
    return LawRef(
        link=link,
        citation=link.citation(language),
        url=link.target_url(),
        version_key=link.cited_version.key if link.cited_version_id else "",
    )


_LAW_JOINS = ("identity__act", "cited_version", "evidence")


# --- Index -----------------------------------------------------------------------------------


@dataclass
class IndexPage:
    kind: str
    kind_label: str
    documents: list
    undated: list
    kinds: list  # [(value, label, count)] for the kinds that have documents
    total: int
    editions: list

    @property
    def shown(self):
        return len(self.documents) + len(self.undated)


def index_page(kind=""):
    """All documents in one query (filtered here, so the kind counts cost nothing), and the plan editions."""
    kind = (kind or "").strip()
    if kind and kind not in Document.Kind.values:
        raise BadRequest(
            _("There is no document kind “%(value)s”. Choose one of: %(choices)s.")
            % {"value": kind[:40], "choices": ", ".join(Document.Kind.values)}
        )
    documents = list(documents_by_date(Document.objects.for_list()))
    counts = Counter(document.kind for document in documents)
    shown = [document for document in documents if not kind or document.kind == kind]
    editions = list(
        PlanEdition.objects.select_related("document", "decided_by")
        .annotate(sector_total=Count("sectors"))
        .order_by("number")
    )
    return IndexPage(
        kind=kind,
        kind_label=Document.Kind(kind).label if kind else "",
        documents=[document for document in shown if document.decided_on],
        undated=[document for document in shown if not document.decided_on],
        kinds=[(value, label, counts[value]) for value, label in Document.Kind.choices if counts[value]],
        total=len(documents),
        editions=editions,
    )


# --- Document --------------------------------------------------------------------------------


@dataclass
class TreeEntry:
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
    document: Document
    links: list  # LawRefs made by the document itself
    tree: list  # top-level TreeEntries
    node_count: int
    superseded_by: list
    revisions: list


def document_page(slug, language):
    """The document, its links and every part, in the same number of queries for 0 parts or 40."""
    document = (
        Document.objects.for_detail_page()
        .select_related("amending_act__act", "deciding_body")
        .filter(slug=slug)
        .first()
    )
    if document is None:
        raise Http404(_("There is no policy document “%(slug)s”.") % {"slug": slug[:60]})
    links_by_node = defaultdict(list)
    for link in document.provision_links.all():
        ref = law_ref(link, language)
        if ref is not None:
            links_by_node[link.node_id].append(ref)
    entries, tree = {}, []
    nodes = list(Node.objects.for_document_page(document))
    for node in nodes:
        node.document = document  # node.get_absolute_url() and the links panel read it: no lazy load
        parent = entries.get(node.parent_id)
        entry = TreeEntry(node, parent.depth + 1 if parent else 0, links_by_node.get(node.pk, []))
        entries[node.pk] = entry
        (parent.children if parent else tree).append(entry)
    return DocumentPage(
        document=document,
        links=links_by_node.get(None, []),
        tree=tree,
        node_count=len(nodes),
        superseded_by=list(document.superseded_by.all()),
        revisions=list(document.revisions.all()),
    )


# --- Node (a measure or any other part) ------------------------------------------------------


@dataclass
class NodePage:
    node: Node
    document: Document
    ancestors: list
    siblings: list  # including the node itself, in document order
    children: list
    links: list  # LawRefs
    previous: Node | None
    next: Node | None


def node_page(slug, key, language):
    """The part, its ancestors, siblings and children (one query for all three) and its provision links."""
    node = Node.objects.select_related("document__deciding_body").filter(document__slug=slug, key=key).first()
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
        if relative.pk == node.pk:
            siblings.append(node)
        elif relative.parent_id == node.pk:
            children.append(relative)
        elif relative.parent_id == node.parent_id:
            siblings.append(relative)
        else:
            ancestors.append(relative)
    links = [
        law_ref(link, language)
        for link in node.provision_links.select_related(*_LAW_JOINS).order_by("id")
        if link.identity_id
    ]
    index = siblings.index(node)
    return NodePage(
        node=node,
        document=document,
        ancestors=ancestors,
        siblings=siblings,
        children=children,
        links=links,
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if index + 1 < len(siblings) else None,
    )


# --- Sector matrix ---------------------------------------------------------------------------


@dataclass
class EditionColumn:
    edition: PlanEdition
    total: int
    previous_total: int | None
    added: list
    removed: list


@dataclass
class SectorRow:
    sector: Sector
    cells: list  # [bool], one per edition
    incidents: list


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
            incidents=list(sector.incidents.all()),
        )
        for sector in sectors
    ]
    return columns, rows


# --- Organisations ---------------------------------------------------------------------------

# The fixed order of kinds: used for the nested list and for the diagram's ring (from the top, clockwise
# and anticlockwise in turn), so superiors sit above the hub, peers beside it, and the bodies it directs
# below it.
KIND_ORDER = [
    Organisation.Kind.CABINET,
    Organisation.Kind.MINISTER,
    Organisation.Kind.HEADQUARTERS,
    Organisation.Kind.COUNCIL,
    Organisation.Kind.OFFICE,
    Organisation.Kind.SECRETARIAT,
    Organisation.Kind.TEAM,
    Organisation.Kind.AGENCY,
    Organisation.Kind.CORPORATION,
    Organisation.Kind.MINISTRIES,
    Organisation.Kind.LOCAL,
    Organisation.Kind.CATEGORY,
    Organisation.Kind.OTHER,
]


# The nested list reads top-down: the bodies of the Cabinet before the office holders.
LIST_KIND_ORDER = [
    Organisation.Kind.CABINET,
    Organisation.Kind.HEADQUARTERS,
    Organisation.Kind.COUNCIL,
    Organisation.Kind.SECRETARIAT,
    Organisation.Kind.OFFICE,
    Organisation.Kind.TEAM,
    Organisation.Kind.MINISTER,
    *KIND_ORDER[7:],
]


def kind_rank(organisation, order=KIND_ORDER):
    try:
        return order.index(organisation.kind)
    except ValueError:
        return len(order)


def list_rank(organisation):
    return (kind_rank(organisation, LIST_KIND_ORDER), organisation.name_ja)


@dataclass
class OrgTreeEntry:
    organisation: Organisation
    children: list = field(default_factory=list)


@dataclass
class RelationRow:
    relation: OrganisationRelation
    wording: str
    law: LawRef | None


@dataclass
class StructurePage:
    tree: list
    relations: list
    diagram: "Diagram"


def organisation_structure(language):
    """Every organisation and relation in two queries: nested list, relation table and diagram."""
    organisations = list(Organisation.objects.all())
    relations = list(OrganisationRelation.objects.select_related("source", "target", *_LAW_JOINS))
    entries = {organisation.pk: OrgTreeEntry(organisation) for organisation in organisations}
    tree = []
    for organisation in sorted(organisations, key=list_rank):
        parent = entries.get(organisation.parent_id)
        (parent.children if parent else tree).append(entries[organisation.pk])
    rows = [
        RelationRow(relation, relation_wording(relation.relation_type), law_ref(relation, language))
        for relation in relations
    ]
    return StructurePage(tree=tree, relations=rows, diagram=layout_diagram(organisations, relations, language))


@dataclass
class RelationView:
    relation: OrganisationRelation
    outgoing: bool
    other: Organisation
    wording: str
    law: LawRef | None


@dataclass
class OrganisationPage:
    organisation: Organisation
    units: list
    relations: list
    documents: list
    editions: list


def organisation_page(slug, language):
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
    if organisation is None:
        raise Http404(_("There is no organisation “%(slug)s”.") % {"slug": slug[:60]})
    relations = [
        RelationView(r, True, r.target, relation_wording(r.relation_type, True), law_ref(r, language))
        for r in organisation.relations_out.all()
    ] + [
        RelationView(r, False, r.source, relation_wording(r.relation_type, False), law_ref(r, language))
        for r in organisation.relations_in.all()
    ]
    return OrganisationPage(
        organisation=organisation,
        units=sorted(organisation.units.all(), key=list_rank),
        relations=relations,
        documents=list(organisation.documents.all()),
        editions=list(organisation.plan_editions.all()),
    )


# --- The organisation diagram (server-rendered SVG) ------------------------------------------

FONT_SIZE = 12
LINE_HEIGHT = 15
BOX_W, BOX_H = 116, 66
HUB_W, HUB_H = 196, 66
WIDTH = 960
RING_RX, RING_RY = 404, 340
MARGIN = 12
MAX_LINES = 4


@dataclass
class Box:
    organisation: Organisation
    x: float  # centre
    y: float
    w: float
    h: float
    lines: list
    full_name: str
    hub: bool = False
    fallback: bool = False  # the name is the Japanese original shown on an English page

    @property
    def left(self):
        return self.x - self.w / 2

    @property
    def top(self):
        return self.y - self.h / 2

    @property
    def text_y(self):
        """Baseline of the first line so that the block of lines is centred vertically."""
        return round(self.y - (len(self.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35, 1)


@dataclass
class DiagramEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    labels: list
    label_x: float
    label_y: float
    angle: float
    dashed: bool

    @property
    def text_y(self):
        """Baseline of the first label so that the block of labels is centred on (label_x, label_y)."""
        return round(self.label_y - (len(self.labels) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35, 1)


@dataclass
class Diagram:
    width: int
    height: int
    boxes: list
    edges: list
    strip_y: float | None  # where "not related to the hub" begins, if anything is there
    hub: Box | None
    line_height: int = LINE_HEIGHT


def _char_width(char):
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.58


def text_width(text, size=FONT_SIZE):
    return sum(_char_width(char) for char in text) * size


_NO_LINE_START = set("、。，．・）」』】〕ー…!?！？,.:;)")
_NO_LINE_END = set("（「『【〔(")


def wrap(text, width, max_lines=MAX_LINES):
    """Lines of at most `width` px: words kept whole for Latin text, any character boundary for Japanese."""
    tokens = re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef-]+-?\s*|-\s*|[\u3000-\u9fff\uff00-\uffef]|\s+", text)
    lines, current = [], ""
    for token in tokens:
        candidate = current + token
        if current and text_width(candidate.rstrip()) > width and token[0] not in _NO_LINE_START:
            carried = ""
            if current[-1] in _NO_LINE_END:  # an opening bracket moves down with what it opens
                current, carried = current[:-1], current[-1]
            lines.append(current.rstrip())
            current = carried + token.lstrip()
        else:
            current = candidate
        alone = current == token.lstrip()  # a word longer than a line is cut; overflowing punctuation is not
        while alone and text_width(current.rstrip()) > width:
            cut = len(current)
            while cut > 1 and text_width(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines, len(lines) <= max_lines


def box_lines(organisation, language, width):
    """The name if it fits the box; else the name without its parenthesis, the parenthesis, the abbreviation;
    else the name cut with an ellipsis (the full name is the box's <title>)."""
    name = localized(organisation, "name", language).text
    candidates = [name]
    match = re.match(r"^(.*?)\s*[（(](.+)[)）]\s*$", name)
    if match:
        candidates += [match.group(1), match.group(2)]
    if organisation.abbreviation:
        candidates.append(organisation.abbreviation)
    for candidate in candidates:
        lines, fits = wrap(candidate, width)
        if fits:
            return lines
    lines, _fits = wrap(name, width)
    return [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1][:-1] + "…"]


def _ellipse_slots(count, cx, cy, rx, ry):
    """`count` points spaced evenly by arc length round an ellipse, clockwise from the top."""
    steps = 720
    points = [
        (cx + rx * math.sin(2 * math.pi * i / steps), cy - ry * math.cos(2 * math.pi * i / steps)) for i in range(steps)
    ]
    lengths = [0.0]
    for i in range(1, steps + 1):
        (x0, y0), (x1, y1) = points[i - 1], points[i % steps]
        lengths.append(lengths[-1] + math.hypot(x1 - x0, y1 - y0))
    total = lengths[-1]
    slots, index = [], 0
    for k in range(count):
        target = total * k / count
        while lengths[index + 1] < target:
            index += 1
        slots.append(points[index])
    return slots


def _alternating(count):
    """Slot order for a ring filled from the top: 0, 1, n-1, 2, n-2, … (right and left in turn)."""
    order, right, left = [0], 1, count - 1
    while len(order) < count:
        order.append(right)
        right += 1
        if len(order) < count:
            order.append(left)
            left -= 1
    return order


def _clip(box, dx, dy):
    """Distance from the box centre to its edge along (dx, dy), a unit vector."""
    tx = (box.w / 2) / abs(dx) if dx else math.inf
    ty = (box.h / 2) / abs(dy) if dy else math.inf
    return min(tx, ty)


def layout_diagram(organisations, relations, language):
    """A hub-and-ring layout: the organisation with most relations in the centre, those related to it round
    it by kind, the rest in a row underneath. Positions are computed here; the template only draws them."""
    degree = Counter()
    for relation in relations:
        degree[relation.source_id] += 1
        degree[relation.target_id] += 1
    by_pk = {o.pk: o for o in organisations}
    hub_pk = max(degree, key=lambda pk: (degree[pk], -pk)) if degree else None
    related = {
        r.target_id if r.source_id == hub_pk else r.source_id for r in relations if hub_pk in (r.source_id, r.target_id)
    }
    related.discard(hub_pk)
    ring = sorted((by_pk[pk] for pk in related), key=lambda o: (kind_rank(o), o.name_ja))
    rest = sorted(
        (o for o in organisations if o.pk != hub_pk and o.pk not in related), key=lambda o: (kind_rank(o), o.name_ja)
    )

    boxes = {}
    cx, cy = WIDTH / 2, MARGIN + BOX_H / 2 + RING_RY
    hub = None
    if hub_pk is not None:
        organisation = by_pk[hub_pk]
        hub = Box(organisation, cx, cy, HUB_W, HUB_H, box_lines(organisation, language, HUB_W - 12), "", hub=True)
        boxes[hub_pk] = hub
    if ring:
        slots = _ellipse_slots(len(ring), cx, cy, RING_RX, RING_RY)
        for organisation, slot in zip(ring, _alternating(len(ring)), strict=True):
            x, y = slots[slot]
            boxes[organisation.pk] = Box(
                organisation, x, y, BOX_W, BOX_H, box_lines(organisation, language, BOX_W - 10), ""
            )
    y = MARGIN + (BOX_H + 2 * RING_RY + BOX_H if (ring or hub) else 0)
    strip_y = None
    if rest:
        strip_y = y + 8
        per_row = int((WIDTH - 2 * MARGIN) // (BOX_W + 16))
        for index, organisation in enumerate(rest):
            row, column = divmod(index, per_row)
            in_row = min(per_row, len(rest) - row * per_row)
            span = in_row * (BOX_W + 16) - 16
            x = (WIDTH - span) / 2 + column * (BOX_W + 16) + BOX_W / 2
            top = strip_y + 28 + row * (BOX_H + 16)
            boxes[organisation.pk] = Box(
                organisation, x, top + BOX_H / 2, BOX_W, BOX_H, box_lines(organisation, language, BOX_W - 10), ""
            )
        rows = math.ceil(len(rest) / per_row)
        y = strip_y + 28 + rows * (BOX_H + 16)
    for box in boxes.values():
        name = localized(box.organisation, "name", language)
        box.full_name, box.fallback = name.text, name.is_fallback

    # One line per direction between two boxes; two directions are drawn side by side.
    by_pair = defaultdict(list)
    for relation in relations:
        by_pair[(relation.source_id, relation.target_id)].append(relation)
    edges = []
    for (source_pk, target_pk), pair_relations in sorted(by_pair.items()):
        source, target = boxes.get(source_pk), boxes.get(target_pk)
        if source is None or target is None or source is target:
            continue
        dx, dy = target.x - source.x, target.y - source.y
        distance = math.hypot(dx, dy) or 1
        ux, uy = dx / distance, dy / distance
        nx, ny = -uy, ux  # the left-hand normal
        offset = 5 if (target_pk, source_pk) in by_pair else 0
        x1 = source.x + ux * _clip(source, ux, uy) + nx * offset
        y1 = source.y + uy * _clip(source, ux, uy) + ny * offset
        x2 = target.x - ux * (_clip(target, ux, uy) + 2) + nx * offset
        y2 = target.y - uy * (_clip(target, ux, uy) + 2) + ny * offset
        angle = math.degrees(math.atan2(uy, ux))
        flipped = angle > 90 or angle < -90
        if flipped:
            angle -= 180 if angle > 0 else -180
        labels = [str(relation_wording(r.relation_type)) for r in sorted(pair_relations, key=lambda r: r.relation_type)]
        # Labels sit on the left of the direction of travel when the line is paired, so two directions never
        # write over each other; one line's labels sit just above it.
        side = 1 if offset else (-1 if not flipped else 1)
        shift = (6 + LINE_HEIGHT * (len(labels) - 1) / 2 + FONT_SIZE / 2) * side
        # Lines fan out from the hub, so their labels have more room away from it.
        t = 0.62 if source.hub else 0.38 if target.hub else 0.5
        mx, my = x1 + (x2 - x1) * t + nx * shift, y1 + (y2 - y1) * t + ny * shift
        edges.append(
            DiagramEdge(
                x1=round(x1, 1),
                y1=round(y1, 1),
                x2=round(x2, 1),
                y2=round(y2, 1),
                labels=labels,
                label_x=round(mx, 1),
                label_y=round(my, 1),
                angle=round(angle, 1),
                dashed=all(r.interpretation for r in pair_relations),
            )
        )
    for box in boxes.values():
        box.x, box.y = round(box.x, 1), round(box.y, 1)
    return Diagram(
        width=WIDTH,
        height=int(y + MARGIN),
        boxes=sorted(boxes.values(), key=lambda b: (not b.hub, kind_rank(b.organisation), b.organisation.name_ja)),
        edges=edges,
        strip_y=strip_y,
        hub=hub,
    )
