"""Cross-navigation: typed links in both directions, graphs, glossary linking, the citation resolver."""

import re

import pytest

from core.records import registry
from laws.models import ArticleIdentity, Term
from policy_kb import relations
from policy_kb.citations import parse
from policy_kb.glossary import TermIndex
from policy_kb.graphs import neighbourhood
from policy_kb.linking import Acts, link_text
from strategy.models import Document, ProvisionLink
from tests.factories import SMALL_STATUTE, NodeFactory, TermFactory, VersionFactory

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"

# --- Citation resolver: input as people type it → where it must lead --------------------------

RESOLVER_TABLE = [
    ("基本法第13条", f"{ACT}/articles/13/"),
    ("第十三条", f"{ACT}/articles/13/"),
    ("第１３条", f"{ACT}/articles/13/"),
    ("１３条", f"{ACT}/articles/13/"),
    ("13条", f"{ACT}/articles/13/"),
    ("サイバーセキュリティ基本法第12条第2項", f"{ACT}/articles/12/#p2"),
    ("サイバーセキュリティ基本法第十二条第二項", f"{ACT}/articles/12/#p2"),
    ("第１２条第２項第３号", f"{ACT}/articles/12/#p2-i3"),
    ("十二条二項", f"{ACT}/articles/12/#p2"),
    ("第三十条の二", f"{ACT}/articles/30-2/"),
    ("第30条の2", f"{ACT}/articles/30-2/"),
    ("Basic Act Art. 12(2)", f"{ACT}/articles/12/#p2"),
    ("Art. 12(2)(iii)", f"{ACT}/articles/12/#p2-i3"),
    ("art 25", f"{ACT}/articles/25/"),
    ("ART. 25", f"{ACT}/articles/25/"),
    ("Article 12, paragraph 2, item 3", f"{ACT}/articles/12/#p2-i3"),
    ("Art. 30-2", f"{ACT}/articles/30-2/"),
    ("§ 12", f"{ACT}/articles/12/"),
    ("the Basic Act on Cybersecurity, Article 26(1)", f"{ACT}/articles/26/#p1"),
    ("制定時の第24条", f"{ACT}/articles/24/?version=original"),
    ("original Art. 25(1)(iii)", f"{ACT}/articles/25/?version=original#p1-i3"),
    ("現行第25条", f"{ACT}/articles/25/"),
    ("426AC1000000104", f"{ACT}/"),
    ("426ac1000000104", f"{ACT}/"),
    ("平成二十六年法律第百四号", f"{ACT}/"),
    ("Act No. 104 of 2014", f"{ACT}/"),
]


@pytest.mark.parametrize(("query", "target"), RESOLVER_TABLE)
def test_resolver_table(client, lang, query, target):
    response = client.get(f"/{lang}/resolve/", {"q": query})
    assert response.status_code == 302, query
    assert response["Location"] == f"/{lang}{target}"
    path, _sep, anchor = response["Location"].partition("#")
    page = client.get(path)
    assert page.status_code == 200
    if anchor:
        assert f'id="{anchor}"' in page.content.decode()


def test_a_bare_number_offers_both_texts_as_candidates(client, lang):
    response = client.get(f"/{lang}/resolve/", {"q": "25"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/{lang}{ACT}/articles/25/"' in html
    assert f'href="/{lang}{ACT}/articles/25/?version=original"' in html


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("第99条", {"ja": "そのような条", "en": "no such article"}),
        ("第12条第9項", {"ja": "そのような項", "en": "no such paragraph"}),
        ("第12条第2項第9号", {"ja": "そのような号", "en": "no such item"}),
        ("制定時の第38条", {"ja": "そのような条", "en": "no such article"}),
        ("hello world", {"ja": "引用", "en": "does not look like a citation"}),
        ("999AC0000000001", {"ja": "サイバーセキュリティ基本法", "en": "holds no such act"}),
    ],
)
def test_resolver_failures_are_helpful_404_pages(client, lang, query, words):
    response = client.get(f"/{lang}/resolve/", {"q": query})
    assert response.status_code == 404
    html = response.content.decode()
    assert words[lang] in html
    assert f'href="/{lang}/search/?q=' in html  # offers a search instead


def test_resolver_rejects_absurd_input_without_error(client):
    assert client.get("/en/resolve/", {"q": "第" * 10_000}).status_code == 400
    response = client.get("/en/resolve/", {"q": "<b>第1条</b>"})
    assert response.status_code in (302, 404)


def test_parser_accepts_kanji_and_full_width_numerals():
    assert parse("第百条").article == "100"
    assert parse("第三十条の二第一項").paragraph == 1
    assert parse("Ａｒｔ．　１２（２）").paragraph == 2


# --- Links in both directions ----------------------------------------------------------------


def test_a_link_appears_on_both_records_in_both_languages(client):
    version = VersionFactory(text=SMALL_STATUTE)
    measure = NodeFactory()
    link = ProvisionLink.objects.create(
        document=measure.document,
        node=measure,
        identity=version.act.article_identities.get(key="2"),
        relation_type="implements",
        note_ja="テスト用の注記",
        note_en="A note for the test",
    )
    article_url = f"/laws/{version.act.slug}/articles/2/"
    measure_url = f"/strategy/documents/{measure.document.slug}/{measure.key}/"
    for lang, wording_out, wording_in in (("en", "implements", "implemented by"), ("ja", None, None)):
        article = client.get(f"/{lang}{article_url}").content.decode()
        node = client.get(f"/{lang}{measure_url}").content.decode()
        assert f'href="/{lang}{measure_url}"' in article
        assert f'href="/{lang}{article_url}' in node
        if wording_out:
            assert wording_in in article.lower() and wording_out in node.lower()
        assert (link.note_en if lang == "en" else link.note_ja) in article
    link.delete()
    assert f'href="/en{measure_url}"' not in client.get(f"/en{article_url}").content.decode()


def test_links_group_by_relation_and_use_inverse_wording(kb):
    identity = ArticleIdentity.objects.get(key="12")
    groups = dict(relations.grouped_links(identity, "en"))
    assert "legal basis of" in groups
    labels = [view.other.label_en for _kind, views, _total in groups["legal basis of"] for view in views]
    assert "Cybersecurity Strategy" in labels


def test_graph_contains_exactly_the_neighbours_in_the_database(kb):
    document = Document.objects.get(slug="jps-investigation-report-2015")
    refs, _edges, _not_drawn = neighbourhood(document, depth=1)
    expected = {registry.key(document)}
    for link in document.provision_links.filter(node__isnull=True):
        expected.add(registry.key(link.target))
    for link in document.document_links_in.filter(target_node__isnull=True):
        expected.add(registry.key(link.node or link.document))
    for link in document.incident_links.filter(node__isnull=True):
        expected.add(f"incident:{link.incident.slug}")
    for other in Document.objects.filter(supersedes=document) | Document.objects.filter(revises=document):
        expected.add(registry.key(other))
    if document.supersedes_id:
        expected.add(registry.key(document.supersedes))
    assert set(refs) == expected
    assert len(expected) > 1


def test_record_graph_is_svg_with_links_and_a_text_list(client, lang):
    html = client.get(f"/{lang}/incidents/japan-pension-service-2015/").content.decode()
    svg = html[html.index("<svg viewBox") : html.index("</svg>")]
    link = re.search(rf'<a href="/{lang}/strategy/documents/jps-investigation-report-2015/" aria-label="([^"]+)">', svg)
    assert link and "Results of the Cause Investigation" in link.group(1) if lang == "en" else link
    # the links are ordinary links in a named group: no link inside role="img" (axe: nested-interactive)
    assert 'role="group" aria-labelledby="graph-heading graph-desc"' in svg and 'role="img"' not in svg
    text_list = html[html.index("</svg>") :]
    assert f'href="/{lang}/strategy/documents/jps-investigation-report-2015/"' in text_list


def test_whole_graph_counts_links_between_kinds_and_filters_by_kind(client):
    from incidents.models import IncidentLink

    html = client.get("/en/graph/").content.decode()
    assert "<svg viewBox" in html and 'href="/en/graph/?kind=incident"' in html
    to_articles = IncidentLink.objects.filter(identity__isnull=False, relation_type="illustrates_risk").count()
    assert (
        to_articles
        and f"<td>Incidents</td><td>illustrates the risk addressed by</td><td>Provisions</td><td>{to_articles}</td>"
        in html
    )
    html = client.get("/en/graph/", {"kind": ["incident", "article"]}).content.decode()
    assert "<td>Incidents</td>" in html and "<td>Organisations</td>" not in html
    assert "/en/incidents/japan-pension-service-2015/" not in html  # counts, not records
    assert client.get("/en/graph/", {"kind": "bogus"}).status_code == 400


def test_about_links_defines_every_relation_in_both_languages(client):
    en = client.get("/en/links/").content.decode()
    ja = client.get("/ja/links/").content.decode()
    for relation in ("legal_basis", "prompted", "illustrates_risk", "investigated_under"):
        assert f'id="{relation}"' in en and f'id="{relation}"' in ja
    assert "legal basis of" in en
    assert "法的根拠" in ja


# --- Glossary --------------------------------------------------------------------------------


def test_terms_in_article_text_link_to_their_entry(client):
    html = client.get(f"/ja{ACT}/articles/6/").content.decode()
    assert 'class="auto-term" href="/ja/glossary/critical-social-infrastructure-providers/"' in html


def test_glossary_term_page_lists_every_use(client, lang):
    html = client.get(f"/{lang}/glossary/critical-social-infrastructure-providers/").content.decode()
    assert f'href="/{lang}{ACT}/articles/6/#p1"' in html
    assert f'href="/{lang}{ACT}/articles/3/?version=original#p1"' in html
    assert f'href="/{lang}{ACT}/articles/3/#p1"' in html


def test_autolinking_never_nests_links_or_enters_attributes(kb):
    terms = TermIndex()
    text = 'サイバーセキュリティ基本法第二条に定めるサイバーセキュリティ<a href="x" title="サイバーセキュリティ">'
    html = str(link_text(text, "ja", terms=terms, acts=Acts()))
    # the citation and the term are links; the raw HTML in the text is escaped, so no attribute is touched
    assert html.count("<a ") == 2
    assert "&lt;a href=&quot;x&quot; title=&quot;サイバーセキュリティ&quot;&gt;" in html
    for match in re.finditer(r"<a [^>]*>(.*?)</a>", html):
        assert "<a" not in match.group(1)
    # the term inside the citation's law name is not linked separately
    first = re.search(r'<a class="auto-citation" href="([^"]+)">([^<]+)</a>', html)
    assert first and first.group(2) == "サイバーセキュリティ基本法第二条"


def test_every_term_is_linked_at_most_once_per_text(kb):
    terms = TermIndex()
    html = str(link_text("監査と監査と監査", "ja", terms=terms))
    assert html.count("/glossary/audit/") == 1


def test_a_terms_forms_are_its_term_and_aliases_once_each_longest_first():
    term = TermFactory.build(
        term_ja="監査", aliases_ja="会計監査, 監査 ,,内部統制監査", term_en="audit", aliases_en="audits"
    )
    assert term.forms("ja")[0] == "内部統制監査"
    assert sorted(term.forms("ja")) == sorted(["内部統制監査", "会計監査", "監査"])
    assert [len(form) for form in term.forms("ja")] == [6, 4, 2]
    assert term.forms("en") == ["audits", "audit"]


def test_term_forms_occur_in_the_texts(kb):
    assert Term.objects.count() >= 20
    for term in Term.objects.all():
        assert term.forms("ja")


@pytest.mark.parametrize("lang_code", ["ja", "en"])
def test_query_counts_of_cross_navigation_pages(client, django_assert_num_queries, lang_code):
    pinned = {"/links/": 4, "/graph/": 4, "/glossary/": 1, "/resolve/?q=25": 2}  # resolver: versions, articles
    for url, expected in pinned.items():
        with django_assert_num_queries(expected, info=url):
            assert client.get(f"/{lang_code}{url}").status_code == 200


@pytest.mark.parametrize("slug", ["audit", "action-plan"])
def test_glossary_term_page_reads_four_queries_whatever_its_forms(client, django_assert_num_queries, slug):
    term = Term.objects.get(slug=slug)
    assert len(term.forms("ja") + term.forms("en")) >= 2  # was one search per form: 1 + forms + 1 queries
    with django_assert_num_queries(4):  # the term, every term and name, one search for all forms, the rows of uses
        assert client.get(f"/en/glossary/{slug}/").status_code == 200


def test_a_term_without_english_aliases_has_its_english_term_as_only_form():
    term = TermFactory.build(term_ja="監査", aliases_ja="", term_en="audit", aliases_en=None)
    assert term.forms("en") == ["audit"]
