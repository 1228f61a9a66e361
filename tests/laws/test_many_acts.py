"""A second act beside the Basic Act: its articles, links, graph, search hits and citations never mix with the
Basic Act's. The act is a small synthetic statute in the importer's format (tests/laws/data/second-act.*)."""

import re
from pathlib import Path

import pytest

from core.records import registry
from laws.models import Act, ArticleIdentity
from laws.services import import_version, load_act, read_json, resolve_law_reference
from policy_kb.graphs import neighbourhood
from policy_kb.linking import Acts, link_text, resolve
from policy_kb.search import find_hits, with_entries
from strategy.models import Document, ProvisionLink

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
BASIC = "basic-act-on-cybersecurity"
SECOND = "test-infrastructure-act"


@pytest.fixture
def second_act(kb):
    """The synthetic act, its text imported (which indexes it for search), and a document linked to its Art. 26."""
    act = load_act(data=read_json(DATA / "second-act.json"))
    version = act.versions.get(key="current")
    text = (DATA / "second-act.ja.txt").read_text(encoding="utf-8")
    assert import_version(version=version, text=text, filename="second-act.ja.txt")
    document = Document.objects.create(slug="test-supervision-guideline", kind="policy", title_ja="試験用監督指針")
    ProvisionLink.objects.create(
        document=document,
        relation_type="legal_basis",
        **resolve_law_reference({"act": SECOND, "version": "current", "article": "26", "paragraph": 2}),
    )
    return act


def test_both_acts_have_an_article_26_with_their_own_text(client, second_act, lang):
    second = client.get(f"/{lang}/laws/{SECOND}/articles/26/").content.decode()
    basic = client.get(f"/{lang}/laws/{BASIC}/articles/26/").content.decode()
    assert "保全事業者に対し、保全対象基盤の点検" in second and "保全事業者" not in basic
    assert f'href="/{lang}/laws/{SECOND}/articles/25/"' in second  # previous article in its own act
    assert client.get(f"/{lang}/laws/{SECOND}/articles/27/").status_code == 404
    index = client.get(f"/{lang}/laws/").content.decode()
    assert f'href="/{lang}/laws/{SECOND}/"' in index and f'href="/{lang}/laws/{BASIC}/"' in index


def test_record_keys_name_the_act(second_act):
    basic = ArticleIdentity.objects.get(act__slug=BASIC, key="26")
    second = ArticleIdentity.objects.get(act__slug=SECOND, key="26")
    assert registry.key(basic) == f"article:{BASIC}:26"
    assert registry.key(second) == f"article:{SECOND}:26"
    assert registry.ref(second).url == f"/laws/{SECOND}/articles/26/"


def test_references_resolve_within_their_act(second_act):
    basic = resolve_law_reference({"act": BASIC, "version": "current", "article": "26"})
    second = resolve_law_reference({"act": SECOND, "version": "current", "article": "26"})
    assert basic["identity"].act.slug == BASIC and second["identity"].act.slug == SECOND
    assert basic["cited_version"] != second["cited_version"]


def test_links_and_graphs_of_article_26_do_not_merge(client, second_act, lang):
    basic = ArticleIdentity.objects.get(act__slug=BASIC, key="26")
    second = ArticleIdentity.objects.get(act__slug=SECOND, key="26")
    refs, edges, _not_drawn = neighbourhood(basic)
    assert not any(SECOND in key for key in refs) and "document:test-supervision-guideline" not in refs
    refs, edges, _not_drawn = neighbourhood(second)
    assert set(refs) == {f"article:{SECOND}:26", "document:test-supervision-guideline"}
    assert [edge.relation_type for edge in edges] == ["legal_basis"]
    basic_page = client.get(f"/{lang}/laws/{BASIC}/articles/26/").content.decode()
    second_page = client.get(f"/{lang}/laws/{SECOND}/articles/26/").content.decode()
    document_url = f"/{lang}/strategy/documents/test-supervision-guideline/"
    assert document_url not in basic_page and document_url in second_page
    document_page = client.get(document_url).content.decode()
    assert f'href="/{lang}/laws/{SECOND}/articles/26/#p2"' in document_page
    assert f'href="/{lang}/laws/{BASIC}/articles/26/' not in document_page


def test_search_hits_point_to_their_own_act(second_act):
    hits, _terms = find_hits("保全事業者")
    urls = {hit.entry.url for hit in with_entries(hits)}
    assert urls and all(url.startswith(f"/laws/{SECOND}/") for url in urls if url.startswith("/laws/"))
    hits, _terms = find_hits("サイバーセキュリティ戦略本部")
    assert not any(hit.entry.url.startswith(f"/laws/{SECOND}/") for hit in with_entries(hits))


def _result_urls(html):
    return set(re.findall(r'<li class="result">\s*<span class="kind">[^<]*</span><br>\s*<a href="([^"#?]+)', html))


def test_the_search_version_facet_keeps_each_acts_versions_apart(client, second_act, lang):
    """Both acts have a version keyed "current": the facet offers each with its act's title, and each filter
    keeps that act's provisions only; a bare key (older links) keeps every act's version of that key."""
    html = client.get(f"/{lang}/search/", {"q": "目的", "kind": "provision"}).content.decode()
    for act in (BASIC, SECOND):
        assert f"version={act}:current" in html
    assert "試験用情報基盤保全法 · 試験用の条文" in html or "Test Infrastructure Protection Act · Test text" in html
    urls = {}
    for value in (f"{SECOND}:current", f"{BASIC}:current", "current"):
        page = client.get(f"/{lang}/search/", {"q": "目的", "kind": "provision", "version": value})
        assert page.status_code == 200
        urls[value] = _result_urls(page.content.decode())
    assert urls[f"{SECOND}:current"] and all(SECOND in url for url in urls[f"{SECOND}:current"])
    assert urls[f"{BASIC}:current"] and not any(SECOND in url for url in urls[f"{BASIC}:current"])
    assert any(SECOND in url for url in urls["current"]) and any(BASIC in url for url in urls["current"])
    for value in (f"{SECOND}:original", "no-such-act:current", ":current"):
        page = client.get(f"/{lang}/search/", {"q": "目的", "version": value})
        assert page.status_code == 400, value


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("試験用情報基盤保全法第26条", f"/laws/{SECOND}/articles/26/"),
        ("保全法第二十六条第二項", f"/laws/{SECOND}/articles/26/#p2"),
        ("Protection Act Art. 12(2)(iii)", f"/laws/{SECOND}/articles/12/#p2-i3"),
        ("Article 2 of the Test Infrastructure Protection Act", f"/laws/{SECOND}/articles/2/"),
        ("基本法第26条", f"/laws/{BASIC}/articles/26/"),
        ("サイバーセキュリティ基本法第十二条第二項", f"/laws/{BASIC}/articles/12/#p2"),
        ("502AC0000000999", f"/laws/{SECOND}/"),
        ("令和2年法律第999号", f"/laws/{SECOND}/"),
        ("Act No. 999 of 2020", f"/laws/{SECOND}/"),
    ],
)
def test_citations_resolve_to_the_act_they_name(second_act, query, target):
    result = resolve(query)
    assert [t.url for t in result.targets] == [target], (query, result)


def test_an_unnamed_article_number_offers_every_act(client, second_act, lang):
    response = client.get(f"/{lang}/resolve/", {"q": "第26条"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/{lang}/laws/{SECOND}/articles/26/"' in html and f'href="/{lang}/laws/{BASIC}/articles/26/"' in html


@pytest.mark.parametrize(
    "query",
    [
        "電気通信事業法第4条",
        "デジタル社会形成基本法第2条",
        "Article 2 of the Basic Act on the Formation of a Digital Society",
    ],
)
def test_citations_of_other_laws_are_refused(client, second_act, query):
    assert resolve(query).problem == "no_law"
    assert client.get("/en/resolve/", {"q": query}).status_code == 404


def test_text_links_each_citation_to_the_act_it_names(second_act):
    acts = Acts()
    ja = str(
        link_text(
            "試験用情報基盤保全法第十二条第二項及び基本法第十三条並びにデジタル社会形成基本法第二条", "ja", acts=acts
        )
    )
    links = re.findall(r'<a class="auto-citation" href="([^"]+)">([^<]+)</a>', ja)
    assert links == [
        (f"/ja/laws/{SECOND}/articles/12/#p2", "試験用情報基盤保全法第十二条第二項"),
        (f"/ja/laws/{BASIC}/articles/13/", "基本法第十三条"),
    ]
    en = str(
        link_text(
            "under Article 12(2) of the Test Infrastructure Protection Act"
            " and Article 2 of the Basic Act on the Formation of a Digital Society",
            "en",
            acts=acts,
        )
    )
    assert re.findall(r'href="([^"]+)"', en) == [f"/en/laws/{SECOND}/articles/12/#p2"]


def test_home_lists_both_acts(client, second_act, lang):
    html = client.get(f"/{lang}/").content.decode()
    assert f'href="/{lang}/laws/{SECOND}/"' in html and f'href="/{lang}/laws/{BASIC}/"' in html
    assert Act.objects.count() == 2
