"""The read API's views across record kinds: /records (filter by kind, date and relation), /records/{key}."""

import enum

from django.http import HttpRequest
from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from core.records import registry
from core.relations import RelationType

from .api import ERRORS, DateRange, Paging, api, in_range, paginate, schema_of
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


def _records(request, kinds=None):
    """[(summary dict, row dict)] of every public record of the kinds given (default: all), in kind order."""
    base = site_base(request)
    out = []
    for kind in registry.ordered():
        collection = BY_KIND.get(kind.key)
        if collection is None or (kinds and kind.key not in kinds):
            continue
        for obj in collection.rows():
            ref = kind.ref(obj)
            row = row_dict(collection, obj, base)
            date = row.get(collection.date_column) if collection.date_column else None
            summary = {
                "key": ref.key,
                "kind": ref.kind,
                "label_ja": ref.label_ja,
                "label_en": ref.label_en,
                "date": date.isoformat() if date else None,
                "url_ja": absolute(base, "ja", ref.url),
                "url_en": absolute(base, "en", ref.url),
                "resource": request.build_absolute_uri(f"/api/v1/{collection.key}/{ref.key}"),
            }
            out.append((summary, row, date))
    return out


def _links(request):
    base = site_base(request)
    return [row_dict(LINKS, edge, base) for edge in LINKS.rows()]


@api.get("/records", response={200: RecordSummaryPage, **ERRORS}, tags=["records"])
def list_records(request: HttpRequest, paging: Query[Paging], dates: Query[DateRange], where: Query[RecordFilter]):
    """Records of every kind (articles, documents, parts, incidents, organisations, amending acts, terms),
    filtered by kind, by date, and by what they are linked to."""
    if where.relation and not where.related_to:
        raise HttpError(400, "relation filters the links of related_to: give related_to too.")
    records = _records(request, [where.kind.value] if where.kind else None)
    records = [(summary, date) for summary, _row, date in records if in_range(date, dates)]
    if where.related_to:
        linked = set()
        for link in _links(request):
            if where.relation and link["relation"] != where.relation.value:
                continue
            if link["source"] == where.related_to:
                linked.add(link["target"])
            if link["target"] == where.related_to:
                linked.add(link["source"])
        records = [(summary, date) for summary, date in records if summary["key"] in linked]
    return paginate(request, [summary for summary, _date in records], paging)


@api.get("/records/{key}", response={200: RecordDetail, **ERRORS}, tags=["records"])
def get_record(request: HttpRequest, key: str):
    """One record by its key, with every typed link that touches it."""
    kind = key.split(":", 1)[0]
    if kind not in BY_KIND:
        raise HttpError(404, f"No record has the key {key!r}.")
    for summary, _row, _date in _records(request, [kind]):
        if summary["key"] == key:
            links = [link for link in _links(request) if key in (link["source"], link["target"])]
            return {**summary, "links": links}
    raise HttpError(404, f"No record has the key {key!r}.")
