"""The link network: typed links between records, read in both directions from the registered link stores.

Links are stored where their app keeps them (strategy.ProvisionLink, incidents.IncidentLink,
strategy.OrganisationRelation, Document.supersedes / revises / amending_act); each app registers those
stores and its record kinds in core.records, and this module reads them as edges between record keys
such as `article:basic-act-on-cybersecurity:25`, `document:cs-strategy-2015`, `incident:opm-2015`.

A page reads only what it shows: a record's links are counted and ranked per group in the database (the
most relevant few of each group are read), a group's full list is read one page at a time, the neighbourhood
of a record is read ring by ring with indexed queries, and the whole network is read as counts.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Window
from django.db.models.functions import RowNumber

from core.i18n import reader_language
from core.links import edge_from, view_from
from core.records import registry
from core.relations import RelationType, relation_wording

from .cache import fragment

PER_GROUP = 8  # links shown per group in a record's links panel
LIST_PAGE_SIZE = 50  # links per page of a group's full list


@dataclass
class LinkGroup:
    """The links of a record that read the same way and lead to records of the same kind.

    relation: the RelationType value; outgoing: True when the record is the links' source; kind: the other
    records' kind; views: the most relevant links (core.links.LinkView), at most PER_GROUP, most relevant first;
    total: the number of links in the group.
    """

    relation: str
    outgoing: bool
    kind: str
    views: list = field(default_factory=list)
    total: int = 0

    @property
    def wording(self):
        return relation_wording(self.relation, self.outgoing)

    @property
    def plural(self):
        return registry.kinds[self.kind].plural

    @property
    def more(self):
        """How many links of the group the panel does not show."""
        return max(self.total - len(self.views), 0)

    @property
    def query(self):
        """The query string of the group's full list (see group_list)."""
        return urlencode({"relation": self.relation, "direction": "out" if self.outgoing else "in", "kind": self.kind})


def visible(store, queryset, exempt=None):
    """The rows of `queryset` (links of `store`) whose every end readers may see (core.records.Registry.
    public_condition: a condition of the same query, never another query); exempt: (kind key, pk) of a record
    shown anyway, an editor's preview of a draft, or None."""
    condition = registry.public_condition(store, exempt)
    return queryset if condition is None else queryset.filter(condition)


def exemption(record, preview):
    """The `exempt` of visible() for a page showing `record`: (kind key, pk) when preview is True (an editor
    sees a draft, with its own links), else None."""
    return (registry.kind_of(record).key, record.pk) if preview else None


def edges(record=None, kinds=None, preview=False):
    """Every Edge readers may see, or only those touching `record` (a record instance); kinds: keep only edges
    whose two ends are of these kinds; preview: `record` is shown to an editor although readers may not see it
    (a draft), so its own links are kept. A link touching any other record readers may not see is left out
    (RecordKind.public, LinkStore.ends). One query per link store, reading every link: for commands and tests,
    not for pages."""
    if record is not None:
        kind = registry.kind_of(record)
        key = kind.ref(record).key
    exempt = exemption(record, preview) if record is not None else None
    out = []
    for store in registry.link_stores:
        queryset = store.queryset()
        if record is not None:
            condition = store.touching(kind.key, [record.pk])
            if condition is None:
                continue
            queryset = queryset.filter(condition)
        for link in visible(store, queryset, exempt):
            for spec in store.edges(link):
                edge = edge_from(spec)
                if record is None or key in (edge.source.key, edge.target.key):
                    out.append(edge)
    if kinds:
        out = [edge for edge in out if edge.source.kind in kinds and edge.target.kind in kinds]
    return out


def _annotated(store, queryset, grouping):
    """The queryset with the group of each row as link_relation / link_outgoing / link_other, and the
    expressions that vary from row to row (the window partition)."""
    queryset = queryset.annotate(
        link_relation=grouping["relation"], link_outgoing=grouping["outgoing"], link_other=grouping["other"]
    )
    varying = [expression for expression in grouping.values() if not _is_constant(expression)]
    return queryset, varying


def _is_constant(expression):
    return type(expression).__name__ == "Value"


def _views(store, row, key):
    """The LinkViews, from the record keyed `key`, of the edges one stored row stands for that touch it."""
    views = []
    for spec in store.edges(row):
        edge = edge_from(spec)
        if key in (edge.source.key, edge.target.key):
            views.append((view_from(edge, key), spec))
    return views


def link_groups(record, per_group=PER_GROUP, language=None, *, preview=False):
    """A record's links as LinkGroups, by wording (alphabetical in `language`) then by the other records' kind.

    One query per link store that can touch the record's kind; each reads at most `per_group` links of each
    group (ranked by the store's relevance) with the group's total, so the cost does not grow with the number
    of links. Links touching a record readers may not see (a draft) are neither read nor counted, except, when
    `preview` is True (an editor sees the draft `record`), the record's own (see visible). Also returns, for the
    graph, {record key: (kind, pk)} of the records at the other ends shown.
    """
    kind = registry.kind_of(record)
    key = kind.ref(record).key
    exempt = exemption(record, preview)
    groups, ends = {}, {}
    for index, store in enumerate(registry.link_stores):
        condition = store.touching(kind.key, [record.pk])
        if condition is None:
            continue
        queryset = visible(store, store.queryset().filter(condition), exempt)
        grouping = store.grouping(kind.key)
        if grouping is None:  # rows that may stand for several edges: few by nature, read whole
            for row in queryset.order_by(*store.relevance):
                for view, spec in _views(store, row, key):
                    group = _group(groups, view, index)
                    group.total += 1
                    group.ranked.append((group.total, index, view))
                    _remember(ends, view, spec)
            continue
        queryset, varying = _annotated(store, queryset, grouping)
        queryset = queryset.annotate(
            link_rank=Window(RowNumber(), partition_by=varying or None, order_by=list(store.relevance)),
            link_total=Window(Count("pk"), partition_by=varying or None),
        ).filter(link_rank__lte=per_group)
        for row in queryset:
            for view, spec in _views(store, row, key):
                group = _group(groups, view, index)
                if index not in group.counted:
                    group.counted.add(index)
                    group.total += row.link_total
                group.ranked.append((row.link_rank, index, view))
                _remember(ends, view, spec)
    language = reader_language(language)
    result = []
    for group in groups.values():
        group.views = [view for _rank, _index, view in sorted(group.ranked, key=lambda t: t[:2])][:per_group]
        result.append(group)
    result.sort(key=lambda g: (str(g.wording), registry.kinds[g.kind].order))
    shown = {view.other.key for group in result for view in group.views}
    return result, {k: v for k, v in ends.items() if k in shown}


class _Group(LinkGroup):
    """A LinkGroup while it is being filled: the ranked views and the stores whose total it holds."""

    def __init__(self, relation, outgoing, kind):
        super().__init__(relation, outgoing, kind)
        self.ranked, self.counted = [], set()


def _group(groups, view, index):
    identity = (view.edge.relation_type, view.outgoing, view.other.kind)
    if identity not in groups:
        groups[identity] = _Group(*identity)
    return groups[identity]


def _remember(ends, view, spec):
    other = spec.target if view.outgoing else spec.source
    ends[view.other.key] = (view.other.kind, other.pk)


def grouped_links(record, language=None, preview=False):
    """A record's links grouped by how they read from it, then by the other record's kind:
    [(wording, [(kind plural label, [LinkView, most relevant first], total)])], wordings in alphabetical order.
    At most PER_GROUP links of each group are read; preview: see link_groups."""
    groups, _ends = link_groups(record, language=language, preview=preview)
    out = []
    for group in groups:
        if not out or out[-1][0] != str(group.wording):
            out.append((str(group.wording), []))
        out[-1][1].append((group.plural, group.views, group.total))
    return out


# --- A group's full list, a page at a time ------------------------------------------------------


class GroupLinks:
    """The links of one group of a record, as a sequence Django's Paginator can page through: len() costs one
    count query per store holding such links; a slice reads only the rows of that page. Links touching a record
    readers may not see are left out (preview: see link_groups)."""

    def __init__(self, record, relation, outgoing, kind, preview=False):
        self.kind = registry.kind_of(record)
        self.key = self.kind.ref(record).key
        self.record, self.relation, self.outgoing, self.other = record, relation, outgoing, kind
        self.exempt = exemption(record, preview)
        self.parts = []  # [(store, queryset or list of views, count)]

    def _sources(self):
        for store in registry.link_stores:
            condition = store.touching(self.kind.key, [self.record.pk])
            if condition is None:
                continue
            queryset = visible(store, store.queryset().filter(condition), self.exempt)
            grouping = store.grouping(self.kind.key)
            if grouping is None:
                views = [
                    view
                    for row in queryset.order_by(*store.relevance)
                    for view, _spec in _views(store, row, self.key)
                    if self._in_group(view)
                ]
                yield store, views
                continue
            wanted = {"relation": self.relation, "outgoing": self.outgoing, "other": self.other}
            if any(_is_constant(e) and e.value != wanted[name] for name, e in grouping.items()):
                continue  # this store holds no link of the group
            queryset, _varying = _annotated(store, queryset, grouping)
            filters = {f"link_{name}": wanted[name] for name, e in grouping.items() if not _is_constant(e)}
            yield store, queryset.filter(**filters).order_by(*store.relevance)

    def _in_group(self, view):
        return (view.edge.relation_type, view.outgoing, view.other.kind) == (self.relation, self.outgoing, self.other)

    def count(self):
        if not self.parts:
            self.parts = [
                (store, rows, len(rows) if isinstance(rows, list) else rows.count()) for store, rows in self._sources()
            ]
        return sum(count for _store, _rows, count in self.parts)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        self.count()
        start, stop = window.start or 0, window.stop
        out, offset = [], 0
        for store, rows, count in self.parts:
            if stop <= offset:
                break
            if start < offset + count:
                part = rows[max(start - offset, 0) : stop - offset]
                if isinstance(rows, list):
                    out += part
                else:
                    out += [
                        view for row in part for view, _spec in _views(store, row, self.key) if self._in_group(view)
                    ]
            offset += count
        return out


def group_list(record, relation, direction, kind, preview=False):
    """GroupLinks of `record` for the group named in a URL, or None when the group cannot exist (an unknown
    relation, direction or kind); preview: see link_groups."""
    if relation not in RelationType.values or direction not in ("in", "out") or kind not in registry.kinds:
        return None
    return GroupLinks(record, relation, direction == "out", kind, preview=preview)


# --- The network as counts -----------------------------------------------------------------------


def network_summary(kinds=None):
    """[(source kind, relation type, target kind, number of links)] of the whole network readers may see (links
    touching a draft are not counted), largest first, only between `kinds` when given; one aggregate query per
    link store, computed once per content version (policy_kb.cache.fragment)."""
    return fragment("network-summary", lambda: _network_summary(kinds), *sorted(kinds or ()))


def _network_summary(kinds):
    totals = {}
    for store in registry.link_stores:
        for source, relation, target, count in store.summary(registry.public_condition(store)):
            if count and (not kinds or (source in kinds and target in kinds)):
                totals[(source, relation, target)] = totals.get((source, relation, target), 0) + count
    return sorted(((*k, n) for k, n in totals.items()), key=lambda row: (-row[3], row[:3]))


def touching_any(store, ring):
    """A Q selecting the store's links touching any record of `ring` ({kind: [pk]}), or None when the store
    holds no link of those kinds. A kind of the ring without records is asked with pk 0 (which no row has), so
    the queries a page runs depend on its record's kind, not on which kinds its neighbours happen to be."""
    condition = None
    for kind, pks in ring.items():
        part = store.touching(kind, pks or [0])
        if part is not None:
            condition = part if condition is None else condition | part
    return condition
