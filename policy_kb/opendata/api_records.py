"""The read API's views across record kinds: /records (filter by kind, date and relation), /records/{key}."""

import enum

from django.db.models import Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest
from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from core.records import public_queryset, registry
from core.relations import RelationType
from policy_kb.relations import edges, visible

from .api import ERRORS, DateRange, Paging, api, bounds, paginate, schema_of
from .catalogue import BY_KIND, LINKS
from .columns import absolute, row_dict
from .exports import site_base

RecordKindName = enum.Enum("RecordKindName", {kind.key: kind.key for kind in registry.ordered()}, type=str)
RelationName = enum.Enum("RelationName", {relation.value: relation.value for relation in RelationType}, type=str)


class RecordSummary(Schema):
    """A record of any kind: its key, kind, labels, pages and its full resource in this API."""

    key: str = Field(description='Stable identifier, e.g. "incident:opm-2015"')
    kind: str
    label_ja: str
    label_en: str = Field(description='"" when the record has no English label yet')
    date: str | None = Field(None, description="The record's date (ISO), when it has one")
    url_ja: str
    url_en: str
    resource: str = Field(description="Absolute URL of the record in this API, with every field")


class RecordSummaryPage(Schema):
    count: int
    page: int
    page_size: int
    next: str | None = None
    previous: str | None = None
    items: list[RecordSummary]


class RecordDetail(RecordSummary):
    """A record with every typed link that touches it, in both directions."""

    links: list[schema_of(LINKS)]


class RecordFilter(Schema):
    kind: RecordKindName | None = Field(None, description="Only records of this kind")
    related_to: str | None = Field(None, description="Only records linked to the record with this key")
    relation: RelationName | None = Field(None, description="With related_to: only links of this relation")


def _summary(request, base, kind, collection, obj):
    """The RecordSummary dict of a record of `kind` read as a row of `collection`."""
    ref = kind.ref(obj)
    date = getattr(obj, collection.date_field or collection.date_column) if collection.date_column else None
    return {
        "key": ref.key,
        "kind": ref.kind,
        "label_ja": ref.label_ja,
        "label_en": ref.label_en,
        "date": date.isoformat() if date else None,
        "url_ja": absolute(base, "ja", ref.url),
        "url_en": absolute(base, "en", ref.url),
        "resource": request.build_absolute_uri(f"/api/v1/{collection.key}/{ref.key}"),
    }


def _linked(key, relation=None):
    """{kind key: [pk]} of the records readers may see that a typed link joins to the record keyed `key` (of
    `relation` only, when given); None when no public record has that key. One query per link store."""
    record = registry.lookup(key)
    if record is None or not public_queryset(registry.kind_of(record)).filter(pk=record.pk).exists():
        return None
    kind = registry.kind_of(record)
    linked = {}
    for store in registry.link_stores:
        condition = store.touching(kind.key, [record.pk])
        if condition is None:
            continue
        for link in visible(store, store.queryset().filter(condition)):
            for spec in store.edges(link):
                if relation and spec.relation_type != relation:
                    continue
                for end, other in ((spec.source, spec.target), (spec.target, spec.source)):
                    if registry.kind_of(end) is kind and end.pk == record.pk:
                        linked.setdefault(registry.kind_of(other).key, []).append(other.pk)
    return linked


@api.get("/records", response={200: RecordSummaryPage, **ERRORS}, tags=["records"])
def list_records(request: HttpRequest, paging: Query[Paging], dates: Query[DateRange], where: Query[RecordFilter]):
    """Records of every kind (articles, documents, parts, incidents, organisations, amending acts, terms),
    filtered by kind, by date, and by what they are linked to. Read in the database, a page at a time: two queries
    per kind (its number of records, and its records on the page, found by their row number) whatever its size."""
    if where.relation and not where.related_to:
        raise HttpError(400, "relation filters the links of related_to: give related_to too.")
    linked = None
    if where.related_to:
        linked = _linked(where.related_to, where.relation.value if where.relation else None)
        if linked is None:
            raise HttpError(404, f"No record has the key {where.related_to!r}.")
    start, stop = bounds(paging)
    base, total, items = site_base(request), 0, []
    for kind in registry.ordered():
        collection = BY_KIND.get(kind.key)
        if collection is None or (where.kind and kind.key != where.kind.value):
            continue
        rows = collection.rows().prefetch_related(None)  # a summary reads the row and its ref_related only
        if kind.ref_related:
            rows = rows.select_related(*kind.ref_related)
        if dates.date_from or dates.date_to:
            if not collection.date_column:
                continue
            rows = rows.filter(collection.dated(dates.date_from, dates.date_to))
        if linked is not None:
            rows = rows.filter(pk__in=linked.get(kind.key, []) or [0])
        count = rows.count()
        numbered = rows.annotate(row_number=Window(RowNumber(), order_by=rows.query.order_by or ["pk"]))
        page = numbered.filter(row_number__gt=start - total, row_number__lte=stop - total)
        items.extend(_summary(request, base, kind, collection, obj) for obj in page.order_by("row_number"))
        total += count
    return paginate(request, total, items, paging)


@api.get("/records/{key}", response={200: RecordDetail, **ERRORS}, tags=["records"])
def get_record(request: HttpRequest, key: str):
    """One record by its key, with every typed link that touches it (one query per link store)."""
    kind = key.split(":", 1)[0]
    collection = BY_KIND.get(kind)
    condition = collection.where(key) if collection is not None else None
    record = collection.rows().filter(condition).first() if condition is not None else None
    if record is None:
        raise HttpError(404, f"No record has the key {key!r}.")
    base = site_base(request)
    links = [row_dict(LINKS, edge, base) for edge in edges(record)]
    links.sort(key=lambda link: (link["source"], link["relation"], link["target"], link["anchor"], link["citation_ja"]))
    return {**_summary(request, base, registry.kinds[kind], collection, record), "links": links}
