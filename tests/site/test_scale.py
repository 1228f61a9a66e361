"""Pages cost what they show: the same queries for a small and a larger synthetic knowledge base in both
languages, a record's graph capped with the rest counted, and page links that work in both languages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import generate
from bench.pages import PAGES
from laws.models import ArticleIdentity
from policy_kb import graphs
from policy_kb.graphs import GRAPH_NODES, neighbourhood

pytestmark = pytest.mark.django_db

ARTICLE_26 = "/{lang}/laws/basic-act-on-cybersecurity/articles/26/"
EXTRA = [  # pages beyond the benchmark's: a group's full list of links and the pages of the lists
    "/ja/related/article:basic-act-on-cybersecurity:26/?relation=implements&direction=in&kind=node",
    "/ja/related/article:basic-act-on-cybersecurity:26/?relation=implements&direction=in&kind=node&page=2",
    "/ja/incidents/?page=2",
    "/ja/strategy/?page=2",
    "/ja/timeline/?start=2015-01-01",
    "/ja/glossary/audit/?page=2",
]


def in_both_languages(url):
    path = url.split("/", 2)[2]
    return [f"/ja/{path}", f"/en/{path}"]


def query_counts(client):
    """{address: queries of one request} for every page type of the benchmark and EXTRA, in both languages."""
    counts = {}
    for url in [address for _name, u, _kind in PAGES for address in in_both_languages(u)] + [
        address for u in EXTRA for address in in_both_languages(u)
    ]:
        client.get(url)  # warm up what is cached per process (translations, content types)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.slow
def test_every_page_runs_the_same_queries_on_a_small_and_a_larger_knowledge_base(client, kb):
    generate(3)  # the real content and two synthetic copies: about 400 links more, two pages of incidents
    small = query_counts(client)
    generate(6)  # five copies: about 1,000 links more, real articles and parts among their targets
    larger = query_counts(client)
    assert larger == small


@pytest.mark.slow
def test_a_records_graph_is_capped_and_says_how_many_links_it_leaves_out(client, kb, lang):
    generate(4)
    identity = ArticleIdentity.objects.get(act__slug="basic-act-on-cybersecurity", key="26")
    refs, edges, not_drawn = neighbourhood(identity)
    assert len(refs) == GRAPH_NODES and not_drawn > 0
    assert {edge.source.key for edge in edges} | {edge.target.key for edge in edges} <= set(refs)
    html = client.get(ARTICLE_26.format(lang=lang)).content.decode()
    svg = html[html.index("<svg viewBox") : html.index("</svg>")]
    assert svg.count("<rect ") == GRAPH_NODES
    graph = graphs.record_graph(identity)
    assert graph["not_drawn"] >= not_drawn
    shown = re.search(r'<p class="graph-more">(.*?)</p>', html, re.S).group(1)
    assert f"{graph['not_drawn']:,}" in shown or str(graph["not_drawn"]) in shown


def test_the_links_panel_shows_a_few_per_group_with_the_count_and_the_full_list(client, kb, lang, monkeypatch):
    from policy_kb import relations

    monkeypatch.setattr(relations, "PER_GROUP", 2)
    monkeypatch.setattr(relations, "LIST_PAGE_SIZE", 2)
    monkeypatch.setattr(relations.link_groups, "__defaults__", (2, None))
    html = client.get(f"/{lang}/strategy/documents/briefing-deck-2016/slide-3/").content.decode()  # 7 links
    more = re.findall(r'<a href="(/' + lang + r'/related/[^"]+)">', html)
    assert more, "a group of more than two links offers its full list"
    listed = set()
    url = more[0].replace("&amp;", "&")
    total = int(re.search(r'id="result-count">(\d+)', client.get(url).content.decode()).group(1))
    while url:
        page = client.get(url).content.decode()
        items = re.findall(r"<li><a href=\"([^\"]+)\">", page.split('id="result-count"')[1].split("</ol>")[0])
        assert items and not listed & set(items)
        listed |= set(items)
        following = re.search(r'<a rel="next" href="\?([^"]+)"', page)
        url = f"{url.split('?')[0]}?{following.group(1).replace('&amp;', '&')}" if following else None
    assert len(listed) == total > 2


@pytest.mark.parametrize(
    ("path", "module", "name"),
    [
        ("incidents/?country=JP&year=", "incidents.selectors", "LIST_PAGE_SIZE"),
        ("strategy/?kind=action_plan", "strategy.selectors", "DOCUMENTS_PER_PAGE"),
        ("glossary/audit/", "policy_kb.views", "USES_PER_PAGE"),
    ],
)
def test_page_links_keep_the_filters_and_work_in_both_languages(client, kb, lang, monkeypatch, path, module, name):
    import importlib

    monkeypatch.setattr(importlib.import_module(module), name, 2)
    url, seen, pages = f"/{lang}/{path}", [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        pages += 1
        other = "en" if lang == "ja" else "ja"
        switch = re.search(rf'<a lang="{other}" hreflang="{other}" rel="alternate" href="([^"]+)"', html).group(1)
        assert switch.replace("&amp;", "&") == url.replace(f"/{lang}/", f"/{other}/", 1), "the switch keeps the query"
        seen.append(html)
        following = re.search(r'<a rel="next" href="\?([^"]+)"', html)
        url = f"{url.split('?')[0]}?{following.group(1).replace('&amp;', '&')}" if following else None
        if url:
            assert url.split("?")[1].count("page=") == 1
            query = path.split("?")[1] if "?" in path else ""
            assert all(part in url for part in query.split("&") if part), "the filters stay in the address"
    assert pages >= 2 and len(set(seen)) == pages


def test_the_timeline_windows_follow_on_and_keep_the_filters(client, kb, lang, monkeypatch):
    from policy_kb import timeline_data

    monkeypatch.setattr(timeline_data, "PAGE_SIZE", 4)
    url, anchors = f"/{lang}/timeline/?kind=incident&kind=document", []
    total = None
    while url:
        html = client.get(url).content.decode()
        if total is None:
            total = int(re.search(r'id="result-count">(\d+)', html).group(1))
        page = re.findall(r'<li id="(ev-[^"]+)"', html)
        assert 0 < len(page) <= 4 and not set(page) & set(anchors)
        anchors += page
        following = re.search(r'<a rel="next" href="\?([^"]+)"', html)
        url = f"/{lang}/timeline/?{following.group(1).replace('&amp;', '&')}" if following else None
        if url:
            assert "kind=incident" in url and "kind=document" in url
    assert len(anchors) == total > 4
