"""The read API: its OpenAPI document validates, its responses match it, ETags give 304, CORS allows reading."""

import pytest
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate

from policy_kb.opendata.catalogue import COLLECTIONS


@pytest.fixture(scope="module")
def spec(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)  # raises on a document that is not valid OpenAPI
    return OpenAPI.from_dict(document)


def checked(client, spec, path, status=200, **headers):
    """GET path, check the status and that the response matches the OpenAPI document; returns the response."""
    response = client.get(path, **headers)
    assert response.status_code == status, (path, response.content[:300])
    spec.validate_response(DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response))
    return response


def test_the_openapi_document_describes_every_collection(client, spec):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for key, collection in COLLECTIONS.items():
        assert f"/api/v1/{key}" in paths
        if collection.id_column:
            assert f"/api/v1/{key}/{{key}}" in paths
    assert "/api/v1/records" in paths and "/api/v1/acts/{act}/versions/{version}/provisions" in paths


def test_every_list_and_one_item_of_each_match_the_document(client, kb, spec):
    for key, collection in COLLECTIONS.items():
        body = checked(client, spec, f"/api/v1/{key}?page_size=200").json()
        assert body["count"] == len(body["items"]) > 0, key
        if collection.id_column:
            first = body["items"][0][collection.id_column]
            item = checked(client, spec, f"/api/v1/{key}/{first}").json()
            assert item == body["items"][0]


def test_provisions_records_and_errors_match_the_document(client, kb, spec):
    provisions = checked(client, spec, "/api/v1/acts/basic-act-on-cybersecurity/versions/current/provisions").json()
    assert provisions["items"][0]["key"].startswith("provision:basic-act-on-cybersecurity:current:")
    checked(client, spec, "/api/v1/records?kind=incident&date_from=2014-01-01")
    record = checked(client, spec, "/api/v1/records/article:basic-act-on-cybersecurity:26").json()
    assert record["links"] and record["url_en"].endswith("/en/laws/basic-act-on-cybersecurity/articles/26/")
    checked(client, spec, "/api/v1/incidents/incident:no-such", status=404)
    checked(client, spec, "/api/v1/records/nothing:here", status=404)
    checked(client, spec, "/api/v1/acts/basic-act-on-cybersecurity/versions/2099/provisions", status=404)
    checked(client, spec, "/api/v1/incidents?page=0", status=422)
    checked(client, spec, "/api/v1/records?kind=bogus", status=422)
    checked(client, spec, "/api/v1/incidents?date_from=yesterday", status=422)
    checked(client, spec, "/api/v1/records?relation=amends", status=400)


def test_identifiers_are_record_keys_never_database_ids(client, kb):
    item = client.get("/api/v1/documents?page_size=1").json()["items"][0]
    assert "id" not in item and "pk" not in item
    assert item["key"] == f"document:{item['slug']}"
    assert all(isinstance(part["key"], str) and part["key"].startswith("node:") for part in item["parts"])


def test_pagination_walks_every_item_once(client, kb):
    seen, url = [], "/api/v1/incidents?page_size=3"
    while url:
        body = client.get(url.removeprefix("http://testserver")).json()
        seen += [item["key"] for item in body["items"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == body["count"]


def test_filters_by_kind_date_and_relation(client, kb):
    incidents = client.get("/api/v1/records?kind=incident&date_from=2015-01-01&date_to=2015-12-31").json()["items"]
    assert incidents and all(r["kind"] == "incident" and r["date"].startswith("2015") for r in incidents)
    dated = client.get("/api/v1/incidents?date_from=2015-01-01&date_to=2015-12-31&page_size=200").json()
    assert {i["key"] for i in dated["items"]} == {r["key"] for r in incidents}
    article = "article:basic-act-on-cybersecurity:26"
    links = client.get("/api/v1/links?page_size=200").json()["items"]
    expected = {link["source"] for link in links if link["target"] == article and link["relation"] == "legal_basis"}
    expected |= {link["target"] for link in links if link["source"] == article and link["relation"] == "legal_basis"}
    related = client.get(f"/api/v1/records?related_to={article}&relation=legal_basis&page_size=200").json()
    assert expected and {r["key"] for r in related["items"]} == expected


def test_revalidation_with_the_etag_gets_304(client, kb):
    first = client.get("/api/v1/incidents/incident:opm-2015")
    etag = first["ETag"]
    assert first.status_code == 200 and etag
    again = client.get("/api/v1/incidents/incident:opm-2015", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/incidents/incident:estonia-2007", headers={"if-none-match": etag})
    assert other.status_code == 200
    from incidents.models import Incident

    Incident.objects.filter(slug="opm-2015").update(title_en="OPM data breach (changed)")
    changed = client.get("/api/v1/incidents/incident:opm-2015", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    data = client.get("/data/incidents.csv")
    assert client.get("/data/incidents.csv", headers={"if-none-match": data["ETag"]}).status_code == 304


def test_cors_allows_reading_from_any_site_and_nothing_else(client, kb):
    response = client.get("/api/v1/incidents", headers={"origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/incidents",
        headers={"origin": "https://example.org", "access-control-request-method": "GET"},
    )
    allowed = preflight["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed and "DELETE" not in allowed
    assert "access-control-allow-credentials" not in preflight
    page = client.get("/ja/incidents/", headers={"origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in page
    assert client.post("/api/v1/incidents").status_code == 405
