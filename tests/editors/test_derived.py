"""Derived data in step with every change: the search index after an admin save with many-to-many fields, after a
cascade, after a renamed slug; an old address redirects permanently (301) to the new one in both languages."""

import pytest

from incidents.models import Incident
from policy_kb.models import SearchEntry
from tests.factories import (
    AttackTypeFactory,
    CountryFactory,
    DocumentFactory,
    IncidentFactory,
    IncidentLinkFactory,
    NodeFactory,
    SourceFactory,
)

from .conftest import form_data

pytestmark = pytest.mark.django_db


def entry(kind, key):
    return SearchEntry.objects.filter(kind=kind, object_key=key).first()


def test_a_new_incident_is_indexed_with_its_countries_and_attack_types_at_once(editor):
    country = CountryFactory(name_en="Ruritania")
    attack = AttackTypeFactory(name_en="Zeppelin spoofing")
    page = editor.get("/admin/incidents/incident/add/")
    data = form_data(
        page,
        slug="test-m2m-incident",
        status="published",
        title_ja="多対多の試験",
        title_en="Many-to-many test",
        summary_ja="概要",
        summary_en="Summary",
        start_date="2016-02-01",
        start_precision="month",
        end_precision="day",
        deck_precision="month",
        countries=[country.code],
        attack_types=[str(attack.pk)],
        sources=[str(SourceFactory().pk)],
    )
    assert editor.post("/admin/incidents/incident/add/", data).status_code == 302
    indexed = entry("incident", "test-m2m-incident")
    assert "Ruritania" in indexed.normalized_other.title() and "zeppelin spoofing" in indexed.normalized_other
    assert editor.get("/en/search/", {"q": "Ruritania"}).context["total"] == 1


def test_deleting_a_document_removes_its_parts_entries():
    document = DocumentFactory()
    parts = [NodeFactory(document=document), NodeFactory(document=document)]
    assert all(entry("measure", f"{document.slug}:{p.key}") for p in parts)
    document.delete()
    assert entry("document", document.slug) is None
    assert not SearchEntry.objects.filter(kind="measure", object_key__startswith=f"{document.slug}:").exists()


@pytest.fixture
def renamed(editor):
    incident = IncidentFactory(slug="test-old-slug", title_en="Renamed incident", countries=[CountryFactory()])
    url = f"/admin/incidents/incident/{incident.pk}/change/"
    assert editor.post(url, form_data(editor.get(url), slug="test-new-slug")).status_code == 302
    return incident


def test_a_changed_slug_redirects_permanently_in_both_languages(renamed, client, lang):
    response = client.get(f"/{lang}/incidents/test-old-slug/")
    assert response.status_code == 301
    assert response["Location"] == f"/{lang}/incidents/test-new-slug/"
    assert client.get(response["Location"]).status_code == 200


def test_a_changed_slug_leaves_no_old_search_hit(renamed, client):
    assert entry("incident", "test-old-slug") is None
    assert entry("incident", "test-new-slug") is not None
    hits = client.get("/en/search/", {"q": "Renamed incident"}).context["page"].object_list
    assert [hit.entry.url for hit in hits] == ["/incidents/test-new-slug/"]


def test_renaming_twice_leaves_no_chain_and_renaming_back_leaves_no_loop(renamed, editor, client):
    url = f"/admin/incidents/incident/{renamed.pk}/change/"
    editor.post(url, form_data(editor.get(url), slug="test-third-slug"))
    assert client.get("/en/incidents/test-old-slug/")["Location"] == "/en/incidents/test-third-slug/"
    editor.post(url, form_data(editor.get(url), slug="test-old-slug"))
    assert client.get("/en/incidents/test-old-slug/").status_code == 200
    assert client.get("/en/incidents/test-third-slug/")["Location"] == "/en/incidents/test-old-slug/"
    assert Incident.objects.get(pk=renamed.pk).slug == "test-old-slug"


def test_a_documents_new_slug_redirects_the_addresses_of_its_parts(client):
    document = DocumentFactory(slug="test-doc-before")
    part = NodeFactory(document=document, key="test-part")
    document.slug = "test-doc-after"
    document.save()
    response = client.get("/ja/strategy/documents/test-doc-before/test-part/")
    assert response.status_code == 301
    assert response["Location"] == "/ja/strategy/documents/test-doc-after/test-part/"
    assert entry("measure", "test-doc-before:test-part") is None
    assert entry("measure", f"test-doc-after:{part.key}") is not None


def test_link_labels_are_read_live(client):
    link = IncidentLinkFactory(document=DocumentFactory(title_en="Plan before"))
    page = f"/en/incidents/{link.incident.slug}/"
    assert "Plan before" in client.get(page).content.decode()
    link.document.title_en = "Plan renamed"
    link.document.save()
    html = client.get(page).content.decode()
    assert "Plan renamed" in html and "Plan before" not in html
