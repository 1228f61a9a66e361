"""Fragments of pages cached per content version (policy_kb.cache.fragment): read from the cache until content
changes, rendered anew after any change (save, many-to-many change, delete), never stored for a preview."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from incidents.models import Incident
from policy_kb import fragments
from policy_kb.relations import network_summary
from tests.factories import DocumentFactory, IncidentFactory, IncidentLinkFactory

pytestmark = pytest.mark.django_db

INCIDENT = "/{lang}/incidents/japan-pension-service-2015/"


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_record_pages_links_panel_and_graph_are_read_once_per_content_version(client, kb, lang, fragment_cache):
    url = INCIDENT.format(lang=lang)
    cold, _ = _queries(client, url)
    warm, _ = _queries(client, url)
    assert warm < cold  # the panel's and the graph's queries are not run again
    incident = Incident.objects.get(slug="japan-pension-service-2015")
    IncidentLinkFactory(incident=incident, document=DocumentFactory(title_ja="断片試験文書", title_en="Fragment test"))
    after, page = _queries(client, url)
    assert after == cold
    assert ("断片試験文書" if lang == "ja" else "Fragment test") in _panel(page)


def _panel(page):
    """The links panel of a record page."""
    return page.split('id="related-heading"', 1)[1].split("</section>", 1)[0]


def test_a_deleted_link_leaves_the_cached_panel(client, kb, fragment_cache):
    incident = Incident.objects.get(slug="japan-pension-service-2015")
    link = IncidentLinkFactory(incident=incident, document=DocumentFactory(title_en="Soon gone for the test"))
    assert "Soon gone for the test" in _panel(client.get(INCIDENT.format(lang="en")).content.decode())
    link.delete()
    assert "Soon gone for the test" not in _panel(client.get(INCIDENT.format(lang="en")).content.decode())


def test_a_glossary_terms_uses_follow_a_new_use(client, kb, fragment_cache):
    before = client.get("/en/glossary/audit/").content.decode()
    incident = IncidentFactory(title_en="Incident using the term for the test", summary_ja="監査の結果を公表した。")
    assert incident.title_en not in before
    after = client.get("/en/glossary/audit/").content.decode()
    assert "Incident using the term for the test" in after
    incident.status = "draft"
    incident.save()
    assert "Incident using the term for the test" not in client.get("/en/glossary/audit/").content.decode()


def test_the_networks_counts_follow_a_many_to_many_change(kb, fragment_cache):
    before = sum(row[3] for row in network_summary())
    assert sum(row[3] for row in network_summary()) == before  # read from the cache
    IncidentLinkFactory()
    assert sum(row[3] for row in network_summary()) == before + 1


def test_a_preview_is_rendered_every_time_and_never_stored(kb, fragment_cache):
    incident = Incident.objects.get(slug="japan-pension-service-2015")
    calls = []

    def groups():
        calls.append(1)
        return [], {}

    for _ in range(2):
        fragments.record_links_html(incident, groups, preview=True, language="en")
    assert len(calls) == 2
    for _ in range(2):
        fragments.record_links_html(incident, groups, preview=False, language="en")
    assert len(calls) == 3  # rendered once, then read from the cache


def test_any_change_of_content_computes_a_fragment_anew(kb, fragment_cache):
    from policy_kb.cache import fragment

    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert fragment("test", compute, "a") == fragment("test", compute, "a") == 1
    assert fragment("test", compute, "b") == 2  # its parts are part of its address
    incident = Incident.objects.get(slug="opm-2015")
    incident.countries.clear()  # a many-to-many change
    assert fragment("test", compute, "a") == 3
    incident.save()
    assert fragment("test", compute, "a") == 4
    IncidentFactory().delete()  # a save, then a delete
    assert fragment("test", compute, "a") == 5
    assert fragment("test", compute, "a") == 5


def test_with_the_fragment_cache_off_a_fragment_is_computed_every_time(kb, settings):
    from policy_kb.cache import fragment

    settings.POLICY_KB_FRAGMENT_CACHE = False
    calls = []
    for _ in range(2):
        fragment("test", lambda: calls.append(1), "a")
    assert len(calls) == 2
