"""Each page's query count is fixed: it does not grow with the records shown (no N+1)."""

import pytest

pytestmark = pytest.mark.django_db

LIST_QUERIES = 8  # year span, countries, attack types, sectors (the form); incidents + 3 prefetches
DETAIL_QUERIES = 15  # incident + 6 prefetches; documents, acts, amending acts that followed; links panel (1); graph (4)
TIMELINE_QUERIES = 4  # incidents, acts, amending acts, documents
CHART_QUERIES = 3  # top-level attack types, incidents, incident–attack type pairs


def assert_page_queries(client, django_assert_num_queries, url, expected):
    client.get(url)  # warm up anything cached per process (translations, content types)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["", "?year=2015", "?year=2015&country=JP&attack_type=malware&sector=government"])
def test_incident_list(client, kb, lang, django_assert_num_queries, query):
    assert_page_queries(client, django_assert_num_queries, f"/{lang}/incidents/{query}", LIST_QUERIES)


@pytest.mark.parametrize("slug", ["mhi-2011", "japan-pension-service-2015", "estonia-2007"])
def test_incident_detail_is_the_same_for_different_incidents(client, kb, lang, django_assert_num_queries, slug):
    # mhi-2011: 5 figures and 2 links; the pension service: 1 figure and 6 links; Estonia: none and 1.
    assert_page_queries(client, django_assert_num_queries, f"/{lang}/incidents/{slug}/", DETAIL_QUERIES)


@pytest.mark.parametrize("query", ["", "?kind=incident&kind=law&kind=document&from=2005&to=2025"])
def test_timeline(client, kb, lang, django_assert_num_queries, query):
    assert_page_queries(client, django_assert_num_queries, f"/{lang}/timeline/{query}", TIMELINE_QUERIES)


def test_timeline_with_one_kind_reads_only_that_kind(client, kb, lang, django_assert_num_queries):
    assert_page_queries(client, django_assert_num_queries, f"/{lang}/timeline/?kind=incident", 1)


def test_chart(client, kb, lang, django_assert_num_queries):
    assert_page_queries(client, django_assert_num_queries, f"/{lang}/incidents/chart/", CHART_QUERIES)
