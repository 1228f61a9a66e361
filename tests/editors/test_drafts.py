"""Drafts: editors see a draft at its public address with a banner; readers get a 404, and drafts stay out of
lists, search, graphs, the timeline, links and counts. Publishing is one admin action, recorded in the history."""

import pytest

from core.editing import Status
from core.records import registry
from incidents.models import Incident
from policy_kb.models import SearchEntry
from policy_kb.relations import edges
from strategy.models import Document
from tests.factories import (
    CountryFactory,
    DocumentFactory,
    IncidentFactory,
    IncidentLinkFactory,
    NodeFactory,
    OrganisationFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = Status.DRAFT


def keys(kind):
    return set(SearchEntry.objects.filter(kind=kind).values_list("object_key", flat=True))


@pytest.fixture
def drafts():
    """A draft of each kind, with distinctive words, and a published incident linked to the draft document."""
    document = DocumentFactory(status=DRAFT, title_en="Draftdoc unpublished plan", title_ja="下書き文書")
    part_of_draft = NodeFactory(document=document, title_en="Draftpart measure")
    published_document = DocumentFactory(title_en="Visible plan")
    draft_part = NodeFactory(document=published_document, status=DRAFT, title_en="Draftnode measure")
    incident = IncidentFactory(status=DRAFT, title_en="Draftincident breach", countries=[CountryFactory()])
    organisation = OrganisationFactory(status=DRAFT, name_en="Draftorg agency")
    term = TermFactory(status=DRAFT, term_en="draftterm")
    link = IncidentLinkFactory(incident=IncidentFactory(), document=document)
    return {
        "document": document,
        "part_of_draft": part_of_draft,
        "draft_part": draft_part,
        "incident": incident,
        "organisation": organisation,
        "term": term,
        "link": link,
    }


def draft_urls(d):
    return [
        f"/strategy/documents/{d['document'].slug}/",
        f"/strategy/documents/{d['document'].slug}/{d['part_of_draft'].key}/",
        f"/strategy/documents/{d['draft_part'].document.slug}/{d['draft_part'].key}/",
        f"/incidents/{d['incident'].slug}/",
        f"/strategy/organisations/{d['organisation'].slug}/",
        f"/glossary/{d['term'].slug}/",
    ]


def test_readers_get_a_404_for_every_draft(drafts, client, lang):
    for url in draft_urls(drafts):
        assert client.get(f"/{lang}{url}").status_code == 404, url


def test_editors_see_each_draft_at_its_public_address_with_a_banner(drafts, make_editor, lang):
    editor = make_editor("alice")
    for url in draft_urls(drafts):
        response = editor.get(f"/{lang}{url}")
        assert response.status_code == 200, url
        assert 'class="draft-banner"' in response.content.decode(), url


def test_an_editor_without_view_permission_does_not_see_a_draft(drafts, make_editor):
    law_editor = make_editor("lawrence", role="Law editors")
    assert law_editor.get(f"/en/incidents/{drafts['incident'].slug}/").status_code == 404
    assert law_editor.get(f"/en/glossary/{drafts['term'].slug}/").status_code == 200  # terms are theirs


def test_drafts_stay_out_of_lists_the_timeline_the_home_page_and_the_graph(drafts, client, lang):
    pages = ["/", "/strategy/", "/incidents/", "/incidents/chart/", "/timeline/", "/glossary/", "/graph/"]
    pages += ["/strategy/organisations/", f"/strategy/documents/{drafts['draft_part'].document.slug}/"]
    for page in pages:
        html = client.get(f"/{lang}{page}").content.decode()
        for word in ("Draftdoc", "下書き文書", "Draftnode", "Draftpart", "Draftincident", "Draftorg", "draftterm"):
            assert word not in html, (page, word)
        for url in draft_urls(drafts):
            assert f'href="/{lang}{url}"' not in html, (page, url)


def test_counts_leave_drafts_out(drafts, client):
    home = client.get("/en/").context
    assert home["incident_count"] == Incident.objects.filter(status=Status.PUBLISHED).count()
    assert home["document_count"] == Document.objects.filter(status=Status.PUBLISHED).count()
    assert home["incident_count"] < Incident.objects.count()


def test_drafts_are_not_in_the_search_index_nor_found(drafts, client):
    assert drafts["document"].slug not in keys("document")
    assert not any(key.startswith(f"{drafts['document'].slug}:") for key in keys("measure"))
    assert f"{drafts['draft_part'].document.slug}:{drafts['draft_part'].key}" not in keys("measure")
    assert drafts["incident"].slug not in keys("incident")
    assert drafts["organisation"].slug not in keys("organisation")
    assert drafts["term"].slug not in keys("term")
    for word in ("Draftdoc", "Draftincident", "Draftorg", "draftterm", "Draftnode"):
        assert client.get("/en/search/", {"q": word}).context["total"] == 0, word


def test_links_touching_a_draft_are_hidden(drafts):
    keys_seen = {(e.source.key, e.target.key) for e in edges()}
    assert not any(f"document:{drafts['document'].slug}" in pair for pair in keys_seen)
    assert edges(drafts["link"].incident) == []


def test_publishing_is_one_action_recorded_in_the_history_and_indexes_the_record(drafts, make_editor, client):
    editor = make_editor("alice")
    document = drafts["document"]
    response = editor.post("/admin/strategy/document/", {"action": "publish", "_selected_action": [str(document.pk)]})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == Status.PUBLISHED
    latest = document.history.order_by("-history_id").first()
    assert latest.history_user.username == "alice" and latest.history_change_reason == "publish"
    assert document.slug in keys("document")
    assert f"{document.slug}:{drafts['part_of_draft'].key}" in keys("measure")  # its parts come back too
    assert client.get(f"/en/strategy/documents/{document.slug}/").status_code == 200
    found = client.get("/en/search/", {"q": "Draftdoc"}).context["page"].object_list
    assert {hit.kind for hit in found} == {"document", "measure"}  # the part is found by its document's title


def test_a_published_record_made_a_draft_leaves_the_index_at_once(make_editor):
    incident = IncidentFactory(title_en="Soon hidden")
    assert incident.slug in keys("incident")
    incident.status = DRAFT
    incident.save()
    assert incident.slug not in keys("incident")


def test_a_published_record_names_no_draft_it_refers_to(client, kb, lang):
    superseded = DocumentFactory(status=DRAFT, title_en="Draftsuperseded plan")
    revised = DocumentFactory(status=DRAFT, title_en="Draftrevised plan")
    document = DocumentFactory(title_en="Visible successor", supersedes=superseded, revises=revised)
    draft_parent = NodeFactory(document=document, status=DRAFT, title_en="Draftparent measure")
    NodeFactory(document=document, parent=draft_parent, title_en="Published child measure")
    html = client.get(f"/{lang}/strategy/documents/{document.slug}/").content.decode()
    for word in ("Draftsuperseded", "Draftrevised", "Draftparent", superseded.slug, revised.slug):
        assert word not in html, word
    drafts = [registry.key(record) for record in (superseded, revised, draft_parent)]
    for collection in ("documents", "document-parts"):
        data = client.get(f"/data/{collection}.json").content.decode()
        assert registry.key(document) in data or collection == "document-parts"
        assert not [key for key in drafts if f'"{key}"' in data], collection
    document.supersedes.status = Status.PUBLISHED  # the test sees the reference once the draft is published
    document.supersedes.save()
    assert f'"{registry.key(superseded)}"' in client.get("/data/documents.json").content.decode()
