"""The record-kind registry: each app declares its linkable record kinds and typed-link stores once.

A *record kind* (article, document, part of a document, incident, organisation, amending act, glossary
term) says how a record is keyed, labelled in both languages and addressed, what the search index holds
for it and which models' changes affect those entries. A *link store* says where typed links between
records are kept and how to read them as edges. Relations, graphs, search indexing, signals and labels
read the registry; nothing outside an app's own `records.py` tests a record's class.
"""

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Q, Value

from .i18n import reader_language
from .urls import neutral_path


@dataclass(frozen=True)
class Ref:
    """A record as the network sees it.

    key: unique across kinds ("article:basic-act-on-cybersecurity:26", "document:cs-strategy-2015");
    kind: the RecordKind key; label_ja / label_en: its name in each language ("" when not translated);
    url: the language-neutral path of its page ("/laws/…/articles/26/"), to be prefixed with /ja or /en.
    """

    key: str
    kind: str
    label_ja: str
    label_en: str
    url: str

    def label(self, language=None):
        """The label in `language` (default: the reader's), or the Japanese when there is no English."""
        return self.label_en if reader_language(language) == "en" and self.label_en else self.label_ja

    def label_lang(self, language=None):
        """The language the label returned by label() is written in: "ja" or "en"."""
        return "en" if reader_language(language) == "en" and self.label_en else "ja"


def slug_ref(kind, record, field, url_name):
    """The Ref of a record addressed by its slug: key "<kind>:<slug>", labels from `field` (field_ja, field_en),
    url from the URL name `url_name` with slug=record.slug."""
    return Ref(
        f"{kind}:{record.slug}",
        kind,
        getattr(record, f"{field}_ja"),
        getattr(record, f"{field}_en") or "",
        neutral_path(url_name, slug=record.slug),
    )


@dataclass(frozen=True)
class IndexEntry:
    """One searchable part of a record, as its app describes it for the search index.

    kind: the index kind ("provision", "measure", …); object_key: unique within the kind; url: language-neutral
    path; anchor: fragment without "#"; version: the statute version key for provisions; superseded: True
    for a provision of a text that a later version replaced (ranked after the text in force);
    version_label_ja / _en: that version's label, shown with the hit; year: for the year
    facet; extra: other names that find the record (aliases, countries, the parent document's title).
    """

    kind: str
    object_key: str
    url: str
    anchor: str = ""
    version: str = ""
    superseded: bool = False
    version_label_ja: str = ""
    version_label_en: str = ""
    year: int | None = None
    title_ja: str = ""
    title_en: str = ""
    body_ja: str = ""
    body_en: str = ""
    extra: tuple = ()


@dataclass(frozen=True)
class SearchSpec:
    """What the search index holds for a record kind.

    kind: the index's kind value and the search page's `?kind=` parameter ("provision", "measure");
    model: "app_label.ModelName" of the rows that have entries (for articles: every paragraph and item);
    entries(queryset or None) yields the IndexEntry of those rows (None: every row); key(row) is the object
    key of a row's entry; affected_by: {"app_label.ModelName": function(instance) → iterable of rows of
    `model` whose entries change when that instance is saved, deleted or has its many-to-many links changed}.
    """

    kind: str
    model: str
    entries: Callable[..., Iterable[IndexEntry]]
    key: Callable[[object], str]
    affected_by: dict = field(default_factory=dict)

    @property
    def model_class(self):
        return apps.get_model(self.model)


def every_row(queryset):
    """The default RecordKind.public: every row of a kind is public."""
    return queryset


@dataclass(frozen=True)
class RecordKind:
    """A kind of linkable record, declared once by the app that owns its model.

    key: the prefix of record keys ("article"); model: "app_label.ModelName"; plural: the lazily translated
    label of a group of them ("Provisions"); ref(obj) builds the Ref of a loaded record; ref_related: the
    select_related paths ref() reads; sources(record) → the Sources the record rests on (a queryset or list; every
    record of every kind must have one); search: the SearchSpec, or None when the kind is not searched;
    find(rest): the record keyed "<key>:<rest>" or None (default: the record whose slug is `rest`);
    affected_by: {"app_label.ModelName": function(instance) → iterable of records of this kind whose search
    entries and labels change when that instance is saved or deleted}; order: place in lists of kinds;
    public(queryset of the model) → the rows readers may see (drafts left out; default: every row): links,
    graphs, search entries and lists read records of this kind through it.
    """

    key: str
    model: str
    plural: object
    ref: Callable[[object], Ref]
    order: int
    sources: Callable[[object], Iterable]
    ref_related: tuple = ()
    search: SearchSpec | None = None
    find: Callable[[str], object] | None = None
    public: Callable[[object], object] = every_row

    def lookup(self, rest):
        """The record whose key is "<kind>:<rest>" (its ref_related loaded), or None when there is none
        (drafts included: the caller decides who may see one)."""
        if self.find is not None:
            return self.find(rest)
        return self.model_class.objects.select_related(*self.ref_related).filter(slug=rest).first()

    @property
    def has_drafts(self):
        """True when some rows of this kind may be hidden from readers."""
        return self.public is not every_row

    @property
    def model_class(self):
        return apps.get_model(self.model)


@dataclass(frozen=True)
class EdgeSpec:
    """One edge read from a stored link: source and target records, relation type, and the link row that
    carries its note, evidence and interpretation flag (None for a link stored as a plain foreign key)."""

    source: object
    target: object
    relation_type: str
    link: object = None


@dataclass(frozen=True)
class LinkStore:
    """Where some typed links are stored, and how to read them.

    name: a label for errors; queryset(): every link with what edges() reads loaded; touching(kind, pks): a Q
    selecting the links with a record of that kind among `pks` at either end, or None when this store holds no
    link of that kind; edges(link): the EdgeSpecs one stored row stands for; ends: ((record kind key, field
    path), …) of the records a stored row joins ("pk" for the row itself), so a link touching a record readers
    may not see (RecordKind.public) is left out; edges() hides what `ends` cannot express.

    grouping(kind): for the rows that touching(kind, …) selects, when each stands for exactly one edge touching
    that record, {"relation": the RelationType value, "outgoing": whether the record is the source, "other": the
    other record's kind} as query expressions (Value for a constant), so pages count and rank the links of each
    group in the database; None when a row may stand for several edges touching the record (such rows are then
    read whole: they are few by nature, e.g. a document's successors). relevance: the order_by of the most
    relevant links first. summary(visible): [(source kind, relation type, target kind, number of links)] of the
    links of the store that `visible` (a Q from Registry.public_condition, or None for every link) keeps, in one
    query; a link to a record readers may not see that `ends` cannot express is not counted either.
    edges_per_row(): a query expression on queryset() giving the number of edges a row stands for, as edges()
    yields them (default: one), so lists of links are counted and paged in the database.
    """

    name: str
    queryset: Callable[[], object]
    touching: Callable[[str, list], object]
    edges: Callable[[object], Iterable[EdgeSpec]]
    grouping: Callable[[str], dict | None] = lambda kind: None
    relevance: tuple = ("pk",)
    summary: Callable[[object], Iterable[tuple]] = lambda visible: ()
    ends: tuple = ()
    edges_per_row: Callable[[], object] = lambda: Value(1)

    def touches(self, kind):
        """Whether this store can hold links of records of `kind`."""
        return self.touching(kind, [0]) is not None


class Registry:
    """Record kinds by key and by model, and the link stores; filled by each app's AppConfig.ready()."""

    def __init__(self):
        self.kinds = {}
        self.link_stores = []
        self._by_model = {}

    def register(self, *kinds):
        """Add record kinds. Raises ValueError when a key or a model is registered twice."""
        for kind in kinds:
            if kind.key in self.kinds or kind.model.lower() in self._by_model:
                raise ValueError(f"record kind {kind.key!r} ({kind.model}) is registered twice")
            self.kinds[kind.key] = kind
            self._by_model[kind.model.lower()] = kind

    def register_links(self, *stores):
        """Add link stores (read in registration order)."""
        self.link_stores.extend(stores)

    def ordered(self):
        """Every record kind, in display order."""
        return sorted(self.kinds.values(), key=lambda kind: kind.order)

    def searched(self):
        """The record kinds that have search entries, in display order."""
        return [kind for kind in self.ordered() if kind.search is not None]

    def for_model(self, model):
        """The RecordKind of a model class or instance, or None when the model is not a record kind."""
        meta = model._meta
        return self._by_model.get(f"{meta.app_label}.{meta.object_name}".lower())

    def kind_of(self, record):
        """The RecordKind of a record instance. Raises TypeError for an object that is not a record."""
        kind = self.for_model(record)
        if kind is None:
            raise TypeError(f"not a linkable record: {record!r}")
        return kind

    def ref(self, record):
        """The Ref of a record instance (its kind's ref_related must be loaded to avoid queries)."""
        return self.kind_of(record).ref(record)

    def key(self, record):
        """The record key of a record instance, e.g. "incident:opm-2015"."""
        return self.ref(record).key

    def lookup(self, key):
        """The record with record key `key` ("incident:opm-2015"), or None for an unknown kind or record."""
        kind, _, rest = key.partition(":")
        if kind not in self.kinds or not rest:
            return None
        return self.kinds[kind].lookup(rest)

    def search_kind(self, key):
        """The RecordKind whose search kind is `key`, or None."""
        return next((kind for kind in self.searched() if kind.search.kind == key), None)

    def search_spec(self, model):
        """The SearchSpec whose rows are of `model` ("app_label.ModelName"). Raises LookupError if none."""
        for kind in self.searched():
            if kind.search.model.lower() == model.lower():
                return kind.search
        raise LookupError(f"no search spec for {model}")

    def public_rows(self, spec, queryset):
        """The rows of `queryset` (of a SearchSpec's model) that readers may see, by the kind that owns the spec
        (an index entry of another model than the kind's, like an article's provisions, is always public)."""
        kind = next((kind for kind in self.searched() if kind.search is spec), None)
        if kind is None or kind.model.lower() != spec.model.lower():
            return queryset
        return kind.public(queryset)

    def public_condition(self, store, exempt=None):
        """A Q keeping the links of `store` whose every end readers may see; exempt: (kind key, pk) of a record
        shown anyway (an editor's preview of a draft). None when no end of the store can be hidden."""
        condition = None
        for kind_key, path in store.ends:
            kind = self.kinds[kind_key]
            if not kind.has_drafts:
                continue
            visible = Q(**{f"{path}__in": public_queryset(kind)})
            if path != "pk":
                visible |= Q(**{f"{path}__isnull": True})
            if exempt is not None and exempt[0] == kind_key:
                visible |= Q(**{path: exempt[1]})
            condition = visible if condition is None else condition & visible
        return condition

    def affected(self, instance):
        """[(SearchSpec, rows)]: the index rows whose entries change when `instance` changes."""
        meta = instance._meta
        label = f"{meta.app_label}.{meta.object_name}".lower()
        out = []
        for kind in self.searched():
            for model, rows in kind.search.affected_by.items():
                if model.lower() == label:
                    out.append((kind.search, list(rows(instance))))
        return out


registry = Registry()


def public_queryset(kind):
    """Every record of a kind that readers may see: the one place drafts are kept out of public listings.

    kind: a RecordKind or its key ("incident"). Returns a QuerySet of the kind's model. A kind that declares
    a `public` callable (taking the queryset, or nothing) is filtered by it; otherwise a model whose queryset
    has a `public()` method is filtered by that; otherwise every record is public. Raises KeyError for an
    unknown key. The sitemap, the exports, the read API and the structured data list records only through it.
    """
    kind = registry.kinds[kind] if isinstance(kind, str) else kind
    queryset = kind.model_class._default_manager.all()
    public = getattr(kind, "public", None)
    if public is None:
        method = getattr(queryset, "public", None)
        return method() if callable(method) else queryset
    return public(queryset) if inspect.signature(public).parameters else public()


def public_keys(kinds=None):
    """The record keys of every public record of the kinds given (default: every kind), as a set of str;
    one query per kind. A typed link is public when the records at both its ends are."""
    keys = set()
    for kind in [registry.kinds[key] for key in kinds] if kinds else registry.ordered():
        for record in public_queryset(kind).select_related(*kind.ref_related):
            keys.add(kind.ref(record).key)
    return keys
