"""Each page's queries are pinned, and do not grow with the size of what it shows."""

import pytest
from django.core.management import call_command

from strategy.models import Document, Node

pytestmark = pytest.mark.django_db

# document, its sources, superseded_by, revisions and provision links (parts' links included), its parts in
# one ordered query, and the links panel (provision links, incident links, supersedes/revises).
DOCUMENT_PAGE_QUERIES = 9
# the part with its document, its ancestors + siblings + children in one query, and the links panel
# (provision links, incident links): the part's links to provisions are listed there, once.
NODE_PAGE_QUERIES = 4


def assert_page_queries(client, django_assert_num_queries, url, expected):
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


def test_document_page_costs_the_same_for_a_small_and_a_large_document(client, lang, django_assert_num_queries):
    small, large = Document.objects.get(slug="ciip-action-plan-1"), Document.objects.get(slug="cs-strategy-2015")
    assert small.nodes.count() == 0 and large.nodes.count() > 30
    assert large.provision_links.count() > 10 and small.provision_links.count() == 0
    for document in (small, large):
        url = f"/{lang}/strategy/documents/{document.slug}/"
        assert_page_queries(client, django_assert_num_queries, url, DOCUMENT_PAGE_QUERIES)


@pytest.mark.parametrize(
    ("slug", "key"),
    [
        ("cs-strategy-2015", "m-5-2-3"),  # depth 2, three provision links, incidents
        ("cs-strategy-2015", "policy"),  # a top-level part with children and grandchildren
        ("ciip-action-plan-3", "ciip-1"),  # a top-level measure in a small document, no provision link
        ("briefing-deck-2016", "slide-3"),  # seven provision links
    ],
)
def test_node_page_costs_the_same_wherever_the_part_sits(client, lang, django_assert_num_queries, slug, key):
    node = Node.objects.get(document__slug=slug, key=key)
    url = f"/{lang}/strategy/documents/{slug}/{node.key}/"
    assert_page_queries(client, django_assert_num_queries, url, NODE_PAGE_QUERIES)


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("strategy/", 2),  # documents with their deciding bodies; plan editions with their sector counts
        ("strategy/?kind=action_plan", 2),
        ("strategy/sectors/", 4),  # editions with totals, membership pairs, sectors, their incidents
        ("strategy/organisations/", 2),  # organisations, relations with their legal basis
        ("strategy/organisations/cs-hq/", 6),  # the body and units, relations, documents, plans, sources, mentions
        ("strategy/organisations/gsoc/", 6),
        # the sector with its plan editions and incidents, its sources, and the links panel (document links)
        ("strategy/sectors/chemical/", 5),
        ("strategy/sectors/government/", 5),
    ],
)
def test_other_pages_have_pinned_query_counts(client, lang, django_assert_num_queries, path, queries):
    assert_page_queries(client, django_assert_num_queries, f"/{lang}/{path}", queries)


def test_models_and_migrations_agree():
    call_command("makemigrations", "strategy", "--check", "--dry-run", verbosity=0)
