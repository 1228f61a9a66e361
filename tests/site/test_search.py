"""Search: one table of queries with the results a reader expects, the same on SQLite and PostgreSQL."""

import pytest
from django.core.management import call_command
from django.db import connection

from policy_kb.search import find_hits, normalize, tokens, with_entries
from tests.factories import IncidentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"


def run_search(query):
    """Every hit with its full row, as a results page shows its own."""
    hits, terms = find_hits(query)
    return with_entries(hits), terms


def ident(hit):
    entry = hit.entry
    return f"{entry.kind}:{entry.url}" + (f"#{entry.anchor}" if entry.anchor else "")


# (query, a record that must be among the first `top` results, top)
QUERY_TABLE = [
    # Japanese, two characters
    ("監査", "term:/glossary/audit/", 3),
    ("監査", f"provision:{ACT}/articles/26/#p1-i2", 10),
    ("人材", f"provision:{ACT}/articles/22/#p1", 2),
    ("年金", "incident:/incidents/japan-pension-service-2015/", 3),
    ("電力", "incident:/incidents/ukraine-grid-2015/", 1),
    ("化学", "measure:/strategy/documents/ciip-action-plan-3/scope/", 2),
    ("石油", "measure:/strategy/documents/ciip-action-plan-3/scope/", 2),
    # Japanese, longer
    ("重要社会基盤事業者", "term:/glossary/critical-social-infrastructure-providers/", 1),
    ("重要社会基盤事業者", f"provision:{ACT}/articles/6/#p1", 3),
    ("サイバーセキュリティ協議会", "organisation:/strategy/organisations/cs-council/", 2),
    ("サイバーセキュリティ協議会", f"provision:{ACT}/articles/17/#p1", 3),
    ("情報処理安全確保支援士", "term:/glossary/registered-information-security-specialist/", 2),
    ("原因究明調査", "document:/strategy/documents/jps-investigation-report-2015/", 3),
    ("機能保証", "document:/strategy/documents/mission-assurance/", 2),
    ("拘禁刑", f"provision:{ACT}/articles/38/#p1", 1),
    ("国家安全保障会議", "organisation:/strategy/organisations/nsc/", 1),
    ("デジタル社会形成基本法", f"provision:{ACT}/articles/1/#p1", 2),
    ("エストニア", "incident:/incidents/estonia-2007/", 1),
    ("衆議院", "incident:/incidents/house-of-representatives-2011/", 1),
    # English, case-insensitive, whole words
    ("Japan Pension Service", "incident:/incidents/japan-pension-service-2015/", 3),
    ("pension", "incident:/incidents/japan-pension-service-2015/", 3),
    ("cybersecurity council", "organisation:/strategy/organisations/cs-council/", 1),
    ("Cybersecurity Strategic Headquarters", "organisation:/strategy/organisations/cs-hq/", 1),
    ("ESTONIA", "incident:/incidents/estonia-2007/", 1),
    ("Ukraine power grid", "incident:/incidents/ukraine-grid-2015/", 1),
    ("mission assurance", "document:/strategy/documents/mission-assurance/", 1),
    ("Mitsubishi", "incident:/incidents/mhi-2011/", 1),
    ("OPM", "incident:/incidents/opm-2015/", 1),
    ("ddos", "incident:/incidents/estonia-2007/", 2),
    # Full-width and half-width, long vowels, mixed
    ("ＧＳＯＣ", "term:/glossary/gsoc/", 1),
    ("gsoc", "term:/glossary/gsoc/", 1),
    ("ＩＴ", "organisation:/strategy/organisations/it-hq/", 1),
    ("２０１５", "incident:/incidents/ukraine-grid-2015/", 3),
    ("サーバー", "incident:/incidents/mhi-2011/", 2),
    ("NISC", "organisation:/strategy/organisations/nisc/", 3),
    ("監査 独立行政法人", f"provision:{ACT}/articles/26/#p1-i2", 3),
    ("IPA 委託", "measure:/strategy/documents/amendment-2016-overview/entrustment/", 1),
    ("情報処理推進機構 委託", f"provision:{ACT}/articles/31/#p1-i1", 3),
]


@pytest.mark.parametrize(("query", "expected", "top"), QUERY_TABLE)
def test_query_table(query, expected, top):
    hits, _terms = run_search(query)
    found = [ident(hit) for hit in hits[:top]]
    assert expected in found, f"{query!r} on {connection.vendor}: {found}"


@pytest.mark.parametrize(
    ("query", "absent"),
    [
        ("監査", "本部が監視"),  # bigram index hits must still contain the word itself
        ("IT", "security"),  # English words match whole: IT is not inside "security"
    ],
)
def test_matches_are_real_words_not_scattered_grams(query, absent):
    hits, _terms = run_search(query)
    for hit in hits:
        text = normalize(f"{hit.entry.title_ja} {hit.entry.title_en} {hit.entry.body_ja} {hit.entry.body_en}")
        assert normalize(query).split()[0] in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("じーそっく", ["term:gsoc"]),  # a glossary term's reading
        ("the Headquarters", ["term:cybersecurity-strategic-headquarters"]),  # an English alias
        ("標的型メール攻撃", ["incident:house-of-representatives-2011", "incident:japan-pension-service-2015"]),
        ("ワイパー", ["incident:south-korea-2013", "incident:sony-pictures-2014"]),  # attack type, long vowel
    ],
)
def test_other_names_find_their_record(query, expected):
    hits, _terms = run_search(query)
    found = [f"{hit.entry.kind}:{hit.entry.object_key}" for hit in hits]
    assert set(expected) <= set(found), found


def test_title_matches_come_before_body_matches():
    hits, _terms = run_search("監査")
    tiers = [hit.rank[0] for hit in hits]
    assert tiers == sorted(tiers)
    assert tiers[0] < 2 and tiers[-1] == 2


def test_normalisation_makes_widths_cases_and_long_vowels_equal():
    assert tokens("ＧＳＯＣ") == tokens("gsoc") == ["gsoc"]
    assert tokens("セキュリティー") == tokens("セキュリティ")
    assert tokens("監査") == ["監", "査", "監査"]  # each character and each bigram
    assert {"サイ", "イバ", "攻撃", "戦"} <= set(tokens("サイバー攻撃と戦略"))


def page(client, lang, **params):
    return client.get(f"/{lang}/search/", params)


def test_search_page_groups_facets_and_links_to_the_paragraph(client, lang):
    html = page(client, lang, q="監査").content.decode()
    assert f'href="/{lang}{ACT}/articles/26/#p1-i2"' in html
    assert "<mark>監査</mark>" in html
    provisions = "Provisions" if lang == "en" else "条文"
    assert "&amp;kind=provision" in html
    assert provisions in html


def test_results_page_query_count_does_not_grow_with_the_results(client, django_assert_num_queries):
    for query in ("GSOC", "サイバーセキュリティ"):  # one hit, then hundreds over several pages
        with django_assert_num_queries(2, info=query):  # matches, shown rows (no citation: no act is read)
            assert page(client, "ja", q=query).status_code == 200


def test_kind_version_and_year_facets_filter(client):
    html = page(client, "en", q="監査", kind="provision", version="original").content.decode()
    assert "?version=original#p1-i2" in html
    assert f'href="/en{ACT}/articles/26/#p1-i2"' not in html
    html = page(client, "en", q="2015", year="2015").content.decode()
    assert "/incidents/ukraine-grid-2015/" in html


def test_pagination(client):
    first = page(client, "en", q="サイバーセキュリティ").content.decode()
    assert 'rel="next"' in first
    second = page(client, "en", q="サイバーセキュリティ", page="2").content.decode()
    assert 'rel="prev"' in second


@pytest.mark.parametrize("query", ["", "   ", "\u3000"])
def test_an_empty_query_shows_the_search_page(client, lang, query):
    response = page(client, lang, q=query)
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "監査\x00\x07\x1b",
        '"unbalanced',
        "'; DROP TABLE policy_kb_searchentry; --",
        "<script>alert(1)</script>",
        '" OR 1=1 --',
        "NEAR(a b) AND * :",
        "監査 & | ! ( ) :*",
    ],
)
def test_absurd_input_never_breaks_the_page(client, lang, query):
    response = page(client, lang, q=query)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.status_code == 200:
        assert "Traceback" not in html


@pytest.mark.parametrize("params", [{"kind": "secret"}, {"version": "draft"}, {"year": "20x5"}])
def test_bad_filters_get_a_400_page(client, lang, params):
    response = page(client, lang, q="監査", **params)
    assert response.status_code == 400
    assert f'<html lang="{lang}">' in response.content.decode()


def test_the_index_follows_an_editors_save_and_delete():
    organisation = OrganisationFactory()
    assert run_search("quokka")[0] == []
    organisation.description_en = "Runs the quokka-watch programme."
    organisation.save()
    hits, _terms = run_search("quokka")
    assert [hit.entry.object_key for hit in hits] == [organisation.slug]
    organisation.delete()
    assert run_search("quokka")[0] == []


def test_rebuild_command_recreates_the_index(kb):
    from policy_kb.models import SearchEntry

    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    assert run_search("監査")[0] == []
    call_command("rebuild_search_index", stdout=None)
    assert SearchEntry.objects.count() == before
    assert run_search("監査")[0]


def test_a_new_record_is_found_by_its_words_in_either_language_and_by_nothing_else():
    incident = IncidentFactory(title_ja="クオッカ送電網停止事案", title_en="Quokka grid outage")
    other = IncidentFactory(title_ja="停電と電停の記録", title_en="Outage record of the gridiron")

    def found(query):
        return {hit.entry.object_key for hit in run_search(query)[0]} & {incident.slug, other.slug}

    assert found("送電網") == {incident.slug}
    assert found("停電") == {other.slug}
    assert found("停電停") == set()  # its bigrams 停電 and 電停 are both in the other title; the word is not
    assert found("ＱＵＯＫＫＡ") == found("quokka") == {incident.slug}  # widths and cases are one
    assert found("grid") == {incident.slug}  # a whole word: not inside "gridiron"
    assert found("outage") == {incident.slug, other.slug}
