"""The read API at scale: every list is paged and filtered in the database, at the same number of queries whatever
the size of the knowledge base, and its pages together hold every row exactly once."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from laws.models import ArticleIdentity
from policy_kb.opendata.catalogue import COLLECTIONS
from strategy.models import Sector
from tests.factories import (
    DocumentFactory,
    IncidentFactory,
    IncidentLinkFactory,
    NodeFactory,
    OrganisationFactory,
    OrganisationRelationFactory,
    PlanEditionFactory,
    ProvisionLinkFactory,
    SourceFactory,
    TermFactory,
)

ARTICLE = "article:basic-act-on-cybersecurity:26"
GROWTH = 20  # records of each kind added (beyond the default page of 50 for the kinds added twice per step)

# Queries of each request, pinned: a list reads its count and its page (with what its rows prefetch); /records
# two per record kind; /links two per link store; the provisions four (version, count, page, ancestors).
PINNED = {
    "/api/v1/acts": 3,
    "/api/v1/articles": 3,
    "/api/v1/amendments": 3,
    "/api/v1/documents": 4,
    "/api/v1/document-parts": 2,
    "/api/v1/organisations": 3,
    "/api/v1/sectors": 2,
    "/api/v1/incidents": 7,
    "/api/v1/links": 8,
    "/api/v1/glossary": 2,
    "/api/v1/sources": 2,
    "/api/v1/incidents?date_from=2000-01-01&page_size=5": 7,
    "/api/v1/links?page=2&page_size=40": 8,
    "/api/v1/records": 14,
    "/api/v1/records?page=3&page_size=20": 14,
    "/api/v1/records?kind=incident": 2,
    "/api/v1/records?date_from=2000-01-01": 6,
    f"/api/v1/records?related_to={ARTICLE}": 19,
    "/api/v1/acts/basic-act-on-cybersecurity/versions/current/provisions?page=2": 4,
    "/api/v1/incidents/incident:opm-2015": 7,
    f"/api/v1/records/{ARTICLE}": 6,
}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured)


def grow():
    """Add about a hundred records of every kind, and links of every store, with the factories."""
    article = ArticleIdentity.objects.get(act__slug="basic-act-on-cybersecurity", key="26")
    sectors = list(Sector.objects.all()[:3])
    for number in range(GROWTH):
        incident = IncidentFactory(sources=[SourceFactory()])
        document = DocumentFactory(supersedes=DocumentFactory())
        IncidentLinkFactory(incident=incident, document=document)
        NodeFactory(parent=NodeFactory(document=document))
        ProvisionLinkFactory(document=document, identity=article)
        OrganisationRelationFactory(source=OrganisationFactory(), target=OrganisationFactory(), identity=article)
        TermFactory()
        if number % 5 == 0:
            PlanEditionFactory().sectors.set(sectors)


def test_every_list_costs_the_same_queries_at_any_size(client, kb):
    for key in COLLECTIONS:
        assert f"/api/v1/{key}" in PINNED, key
    small = {url: queries(client, url) for url in PINNED}
    assert small == PINNED
    grow()
    assert {url: queries(client, url) for url in PINNED} == small


def walk(client, url):
    items, count = [], None
    while url:
        body = client.get(url.removeprefix("http://testserver")).json()
        items += body["items"]
        count, url = body["count"], body["next"]
    assert len(items) == count
    return items


def canonical(rows):
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


def test_pages_hold_every_row_once_and_filters_apply_before_paging(client, kb):
    grow()
    for key in COLLECTIONS:
        items = walk(client, f"/api/v1/{key}?page_size=13")
        data = json.loads(client.get(f"/data/{key}.json").content)
        assert canonical(items) == canonical(data["items"] if isinstance(data, dict) else data), key
    records = walk(client, "/api/v1/records?page_size=9")
    assert len({record["key"] for record in records}) == len(records)
    expected = set()
    for key, collection in COLLECTIONS.items():
        if collection.kind:
            expected |= {row["key"] for row in walk(client, f"/api/v1/{key}?page_size=200")}
    assert {record["key"] for record in records} == expected
    related = walk(client, f"/api/v1/records?related_to={ARTICLE}&relation=legal_basis&page_size=11")
    assert sum(record["key"].startswith("document:test-doc-") for record in related) == GROWTH
    assert sum(record["key"].startswith("organisation:test-org-") for record in related) == GROWTH
    dated = walk(client, "/api/v1/documents?date_from=2015-09-04&date_to=2015-09-04&page_size=6")
    assert len(dated) >= 2 * GROWTH and all(item["decided_on"] == "2015-09-04" for item in dated)
    incidents = walk(client, "/api/v1/records?kind=incident&date_to=2015-06-01&page_size=6")
    assert all(item["kind"] == "incident" and item["date"] <= "2015-06-01" for item in incidents)
    assert sum(item["key"].startswith("incident:test-incident-") for item in incidents) == GROWTH
    assert client.get("/api/v1/records?related_to=incident:no-such").status_code == 404
