"""JSON-LD on the record pages: it parses, it has the schema.org properties of each page type, and it is a
data block no text can break out of."""

import json
import re

import pytest

from core.jsonld import script

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def blocks(client, path):
    html = client.get(path).content.decode()
    found = [json.loads(text) for text in BLOCK.findall(html)]
    nodes = []
    for block in found:
        nodes += block.get("@graph", [block])
    return nodes


def of_type(nodes, kind):
    return [node for node in nodes if node.get("@type") == kind]


def test_every_page_with_breadcrumbs_has_a_breadcrumb_list(client, kb, lang):
    nodes = blocks(client, f"/{lang}/incidents/opm-2015/")
    trail = of_type(nodes, "BreadcrumbList")[0]["itemListElement"]
    assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
    assert trail[0]["item"] == f"http://testserver/{lang}/"
    assert trail[-1]["item"] == f"http://testserver/{lang}/incidents/opm-2015/"
    assert all("<" not in item["name"] and item["name"] for item in trail)


def test_act_is_legislation_with_versions_and_amendments(client, kb, lang):
    nodes = blocks(client, f"/{lang}/laws/basic-act-on-cybersecurity/")
    act = next(node for node in nodes if node.get("@id", "").endswith("#act") and "legislationDate" in node)
    assert act["@type"] == "Legislation" and act["legislationDate"] == "2014-11-12"
    assert act["legislationIdentifier"] and act["legislationLegalForce"] == "https://schema.org/InForce"
    assert act["inLanguage"] == lang
    versions = [node for node in nodes if node.get("@id", "").endswith("#version")]
    assert len(versions) == kb.versions.count()
    assert {v["legislationLegalForce"] for v in versions} == {
        "https://schema.org/InForce",
        "https://schema.org/NotInForce",
    }
    assert all(v["isBasedOn"] == {"@id": act["@id"]} for v in versions)
    amending = [node for node in nodes if node.get("@id", "").endswith("#amending-act")]
    assert amending and all({"@id": act["@id"]} in a["legislationChanges"] for a in amending)
    assert any("legislationConsolidates" in v for v in versions)
    if lang == "en":
        assert act["translationOfWork"]["@id"].startswith("http://testserver/ja/")


def test_article_is_legislation_part_of_its_version(client, kb, lang):
    nodes = blocks(client, f"/{lang}/laws/basic-act-on-cybersecurity/articles/26/")
    article = next(node for node in nodes if node.get("@id", "").endswith("#article"))
    assert article["@type"] == "Legislation"
    assert article["legislationIdentifier"] and article["text"]
    assert article["isPartOf"]["@id"].endswith("#version") and article["legislationDateVersion"]
    assert article["inLanguage"] == lang
    changed = [node for node in nodes if node.get("@id", "").endswith("#amending-act")]
    assert changed and all({"@id": article["@id"]} in node["legislationChanges"] for node in changed)


def test_amending_act_changes_the_act(client, kb, lang):
    amendment = kb.amending_acts.order_by("promulgated").first()
    nodes = blocks(client, f"/{lang}/laws/basic-act-on-cybersecurity/amendments/{amendment.key}/")
    node = next(n for n in nodes if n.get("@id", "").endswith("#amending-act"))
    assert node["legislationDate"] == amendment.promulgated.isoformat()
    assert any(target["@id"].endswith("#act") for target in node["legislationChanges"])


def test_incident_is_an_event(client, kb, lang):
    event = of_type(blocks(client, f"/{lang}/incidents/opm-2015/"), "Event")[0]
    assert event["startDate"].startswith("2015") and event["name"] and event["description"]
    assert event["location"][0]["@type"] == "Country" and event["location"][0]["identifier"] == "US"
    assert event["subjectOf"][0]["url"].startswith("http")


def test_documents_parts_and_organisations(client, kb, lang):
    nodes = blocks(client, f"/{lang}/strategy/documents/cs-strategy-2015/")
    document = next(n for n in nodes if n.get("@id", "").endswith("#document"))
    assert document["@type"] in ("Report", "CreativeWork") and document["datePublished"].startswith("2015")
    assert document["hasPart"] and document["publisher"]["@type"] == "Organization"
    part_url = document["hasPart"][0]["url"].removeprefix("http://testserver")
    part = next(n for n in blocks(client, part_url) if n.get("@id", "").endswith("#part"))
    assert part["isPartOf"]["@id"] == document["@id"]
    organisation = document["publisher"]["url"].removeprefix("http://testserver")
    org = of_type(blocks(client, organisation), "Organization")[0]
    assert org["name"] and org["url"] == document["publisher"]["url"]


def test_reports_are_reports(client, kb):
    from strategy.models import Document

    report = Document.objects.filter(kind__in=["annual_report", "investigation_report"]).first()
    if report is None:
        pytest.skip("the content holds no report")
    assert of_type(blocks(client, f"/ja/strategy/documents/{report.slug}/"), "Report")


def test_glossary_is_a_defined_term_set(client, kb, lang):
    glossary = of_type(blocks(client, f"/{lang}/glossary/"), "DefinedTermSet")[0]
    assert glossary["hasDefinedTerm"] and all(t["@type"] == "DefinedTerm" for t in glossary["hasDefinedTerm"])
    term_url = glossary["hasDefinedTerm"][0]["url"].removeprefix("http://testserver")
    term = of_type(blocks(client, term_url), "DefinedTerm")[0]
    assert term["inDefinedTermSet"]["@id"] == glossary["@id"] and term["description"]


def test_no_text_can_close_the_data_block():
    html = str(script({"name": "</script><script>alert(1)</script>", "note": "a & b <!-- \u2028"}))
    assert html.count("</script>") == 1 and "<!--" not in html and "&" not in html.split(">", 1)[1]
    inner = BLOCK.match(html).group(1)
    assert json.loads(inner)["name"] == "</script><script>alert(1)</script>"


def test_names_given_by_the_site_are_in_the_pages_language(client, kb):
    names = {lang: of_type(blocks(client, f"/{lang}/glossary/"), "DefinedTermSet")[0]["name"] for lang in ("ja", "en")}
    assert names == {"ja": "用語集", "en": "Glossary"}
    types = {
        lang: {
            node.get("legislationType")
            for node in of_type(blocks(client, f"/{lang}/laws/basic-act-on-cybersecurity/articles/13/"), "Legislation")
        }
        for lang in ("ja", "en")
    }
    assert "条" in types["ja"] and "Article" in types["en"]
