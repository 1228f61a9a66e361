"""Drafts on the surfaces that read only what they show: a published record's links panel (counted and ranked in the
database), its full lists of links, its graph's rings and the count of links not drawn, the whole network's counts,
paginated lists and timeline windows; an editor's preview of a draft, never stored in the page cache."""

import datetime
import re

import pytest

from core.editing import Status
from core.records import registry
from core.relations import RelationType
from incidents.models import Incident
from laws.models import ArticleIdentity
from policy_kb.graphs import knowledge_base_graph, neighbourhood
from policy_kb.relations import link_groups, network_summary
from tests.factories import (
    DocumentFactory,
    IncidentFactory,
    IncidentLinkFactory,
    NodeFactory,
    OrganisationFactory,
    OrganisationRelationFactory,
    ProvisionLinkFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = Status.DRAFT


@pytest.fixture
def article(kb):
    return ArticleIdentity.objects.get(act=kb, key="26")


@pytest.fixture
def network(article):
    """A published document with one published incident prompted by it and one legal basis, and around it a link
    of every store touching a draft: a draft incident prompted by it, a draft successor, a draft it supersedes, a
    draft part's legal basis, a draft document's legal basis, a relation with a draft organisation."""
    document = DocumentFactory(title_en="Published hub document")
    incident = IncidentFactory(title_en="Published prompted incident")
    IncidentLinkFactory(incident=incident, document=document)
    ProvisionLinkFactory(document=document, identity=article)
    before = {"summary": network_summary(), "groups": _totals(link_groups(document)[0])}
    draft_incident = IncidentFactory(status=DRAFT, title_en="Draftincident prompted")
    IncidentLinkFactory(incident=draft_incident, document=document)
    successor = DocumentFactory(status=DRAFT, title_en="Draftsuccessor plan", supersedes=document)
    superseded = DocumentFactory(status=DRAFT, title_en="Draftsuperseded plan")
    document.supersedes = superseded
    document.save()
    draft_part = NodeFactory(document=DocumentFactory(), status=DRAFT, title_en="Draftpart measure")
    ProvisionLinkFactory(document=draft_part.document, node=draft_part, identity=article)
    ProvisionLinkFactory(document=DocumentFactory(status=DRAFT, title_en="Draftbasis plan"), identity=article)
    OrganisationRelationFactory(
        source=OrganisationFactory(), target=OrganisationFactory(status=DRAFT, name_en="Draftorg agency")
    )
    return {
        "document": document,
        "incident": incident,
        "draft_incident": draft_incident,
        "drafts": [draft_incident, successor, superseded, draft_part],
        "before": before,
    }


def result_count(html):
    """The number a list's "N links" / "N incidents" line gives (the first number after its tag)."""
    return int(re.search(r'id="result-count">[^<\d]*(\d[\d,]*)', html).group(1).replace(",", ""))


def _totals(groups):
    return {(group.relation, group.outgoing, group.kind): group.total for group in groups}


def _keys(records):
    return {registry.key(record) for record in records}


DRAFT_WORDS = ("Draftincident", "Draftsuccessor", "Draftsuperseded", "Draftpart", "Draftbasis", "Draftorg")


def test_links_touching_drafts_are_neither_counted_nor_shown_in_a_published_records_panel(network, client, lang):
    document = network["document"]
    groups, ends = link_groups(document)
    assert (
        _totals(groups)
        == network["before"]["groups"]
        == {
            (RelationType.PROMPTED.value, False, "incident"): 1,
            (RelationType.LEGAL_BASIS.value, True, "article"): 1,
        }
    )
    assert not _keys(network["drafts"]) & ({view.other.key for group in groups for view in group.views} | set(ends))
    html = client.get(f"/{lang}/strategy/documents/{document.slug}/").content.decode()
    assert not [word for word in DRAFT_WORDS if word in html]
    assert f"/incidents/{network['incident'].slug}/" in html


def test_a_published_records_full_list_of_links_leaves_drafts_out(network, client, lang, article):
    url = f"/{lang}/related/{registry.key(network['document'])}/"
    html = client.get(url, {"relation": "prompted", "direction": "in", "kind": "incident"}).content.decode()
    assert result_count(html) == 1
    assert f"/incidents/{network['incident'].slug}/" in html
    assert f"/incidents/{network['draft_incident'].slug}/" not in html
    url = f"/{lang}/related/{registry.key(article)}/"
    for kind in ("document", "node"):
        html = client.get(url, {"relation": "legal_basis", "direction": "in", "kind": kind}).content.decode()
        assert not [word for word in DRAFT_WORDS if word in html], kind
    query = {"relation": "supersedes", "direction": "in", "kind": "document"}
    html = client.get(f"/{lang}/related/{registry.key(network['document'])}/", query).content.decode()
    assert result_count(html) == 0 and "Draftsuccessor" not in html


def test_a_published_records_graph_draws_and_counts_no_link_touching_a_draft(network, client, lang, article):
    refs, edges, not_drawn = neighbourhood(network["incident"])
    document = network["document"]
    # first ring: the document; second ring: the document's one other published link (its legal basis)
    assert set(refs) == _keys([network["incident"], document, article])
    assert not_drawn == 0, "a link to a draft is counted among the links not drawn"
    assert not _keys(network["drafts"]) & {key for edge in edges for key in (edge.source.key, edge.target.key)}
    html = client.get(f"/{lang}/incidents/{network['incident'].slug}/").content.decode()
    svg = html[html.index("<svg viewBox") : html.index("</svg>")]
    assert f"/strategy/documents/{document.slug}/" in svg
    assert not [word for word in DRAFT_WORDS if word in html]
    assert 'class="graph-more"' not in html


def test_the_whole_network_counts_no_link_touching_a_draft_until_it_is_published(network, client):
    assert network_summary() == network["before"]["summary"]
    html = client.get("/en/graph/").content.decode()
    assert f"{knowledge_base_graph()['total']} " in html
    before_total = knowledge_base_graph()["total"]
    network["draft_incident"].status = Status.PUBLISHED
    network["draft_incident"].save()
    assert knowledge_base_graph()["total"] == before_total + 1  # the test can see a draft's link once public


def test_paginated_lists_and_timeline_windows_count_no_draft(kb, client, lang):
    pages = {
        "incidents": f"/{lang}/incidents/",
        "timeline": f"/{lang}/timeline/?kind=incident&kind=document",
    }

    def counts():
        out = {}
        for name, url in pages.items():
            out[name] = result_count(client.get(url).content.decode())
        out["documents"] = client.get(f"/{lang}/strategy/").context["page"].total
        out["home"] = {k: client.get(f"/{lang}/").context[k] for k in ("incident_count", "document_count")}
        return out

    before = counts()
    IncidentFactory(status=DRAFT, start_date=datetime.date(2016, 3, 1))
    DocumentFactory(status=DRAFT, decided_on=datetime.date(2016, 3, 1), kind="strategy")
    assert counts() == before
    IncidentFactory(start_date=datetime.date(2016, 3, 1))
    assert counts()["incidents"] == before["incidents"] + 1


# --- Previews -----------------------------------------------------------------------------------------


def test_an_editors_preview_shows_the_drafts_own_links_but_not_other_drafts(network, make_editor, client, lang):
    draft = network["draft_incident"]
    other_draft = DocumentFactory(status=DRAFT, title_en="Draftother plan")
    IncidentLinkFactory(incident=draft, document=other_draft)
    editor = make_editor("alice", language=lang)
    html = editor.get(f"/{lang}/incidents/{draft.slug}/").content.decode()
    panel = html[html.index('id="related-heading"') :]
    assert f"/strategy/documents/{network['document'].slug}/" in panel
    assert "Draftother" not in html and f"/strategy/documents/{other_draft.slug}/" not in html
    refs, _edges, _not_drawn = neighbourhood(draft, preview=True)
    assert registry.key(network["document"]) in refs and registry.key(other_draft) not in refs
    url = f"/{lang}/related/{registry.key(draft)}/"
    query = {"relation": "prompted", "direction": "out", "kind": "document"}
    listed = editor.get(url, query)
    assert listed.status_code == 200 and 'class="draft-banner"' in listed.content.decode()
    assert result_count(listed.content.decode()) == 1
    assert client.get(url, query).status_code == 404


def test_a_preview_of_a_draft_is_never_stored_for_readers(network, make_editor, client, lang, page_cache):
    draft = network["draft_incident"]
    editor = make_editor("alice", language=lang)
    for url in (
        f"/{lang}/incidents/{draft.slug}/",
        f"/{lang}/related/{registry.key(draft)}/?relation=prompted&direction=out&kind=document",
    ):
        preview = editor.get(url)
        assert preview.status_code == 200 and 'class="draft-banner"' in preview.content.decode(), url
        assert preview["Cache-Control"] == "private" and "ETag" not in preview, url
        assert client.get(url).status_code == 404, url  # rendered for the reader, not the editor's cached page
        assert editor.get(url).status_code == 200, url
        assert client.get(url).status_code == 404, url


def test_a_cached_page_is_not_served_once_its_record_becomes_a_draft(kb, make_editor, client, lang, page_cache):
    incident = Incident.objects.get(slug="japan-pension-service-2015")
    url = f"/{lang}/incidents/{incident.slug}/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # now from the cache
    editor = make_editor("alice")
    response = editor.post(
        "/admin/incidents/incident/", {"action": "make_draft", "_selected_action": [str(incident.pk)]}
    )
    assert response.status_code == 302
    assert client.get(url).status_code == 404
    home = client.get(f"/{lang}/").content.decode()
    assert url not in home


# --- Links from documents to other records, organisations' and sectors' pages --------------------------


def named(factory, words, **fields):
    """A record made by `factory` whose Japanese and English names or titles carry `words` (ja, en)."""
    field = "name" if factory in (OrganisationFactory,) else "title"
    return factory(**{f"{field}_ja": words[0], f"{field}_en": words[1]}, **fields)


def shows(html, words):
    return any(word in html for word in words)


PUBLIC = ("公開先機関", "Publictarget")


def test_links_from_documents_to_a_draft_organisation_or_document_are_left_out(kb, client, lang):
    document = DocumentFactory()
    part = NodeFactory(document=document)
    before = sum(row[3] for row in network_summary())
    related = RelationType.RELATED
    link = dict(identity=None, relation_type=related)
    ProvisionLinkFactory(document=document, node=part, organisation=named(OrganisationFactory, PUBLIC), **link)
    draft_body = named(OrganisationFactory, ("下書き機関", "Draftbody"), status=DRAFT)
    ProvisionLinkFactory(document=document, node=part, organisation=draft_body, **link)
    draft_document = named(DocumentFactory, ("下書き文書", "Draftdocument"), status=DRAFT)
    ProvisionLinkFactory(document=document, target_document=draft_document, **link)
    assert sum(row[3] for row in network_summary()) == before + 1
    for url in (
        f"/{lang}/strategy/documents/{document.slug}/",
        f"/{lang}/strategy/documents/{document.slug}/{part.key}/",
    ):
        html = client.get(url).content.decode()
        assert shows(html, PUBLIC), url
        assert not shows(html, ("下書き機関", "Draftbody", "下書き文書", "Draftdocument")), url
    assert _totals(link_groups(part)[0]) == {(related.value, True, "organisation"): 1}
    assert _totals(link_groups(document)[0]) == {}


def test_an_organisations_page_leaves_out_draft_units_relations_and_mentions(kb, client, lang):
    body = OrganisationFactory()
    drafts = [("下書き部局", "Draftunit"), ("下書き相手", "Draftpartner"), ("下書き言及", "Draftmention")]
    public = [("公開部局", "Publicunit"), ("公開相手", "Publicpartner"), ("公開言及", "Publicmention")]
    named(OrganisationFactory, drafts[0], parent=body, status=DRAFT)
    named(OrganisationFactory, public[0], parent=body)
    OrganisationRelationFactory(source=body, target=named(OrganisationFactory, drafts[1], status=DRAFT))
    OrganisationRelationFactory(source=body, target=named(OrganisationFactory, public[1]))
    link = dict(identity=None, organisation=body, relation_type=RelationType.RELATED)
    ProvisionLinkFactory(document=named(DocumentFactory, drafts[2], status=DRAFT), **link)
    published = DocumentFactory()
    ProvisionLinkFactory(
        document=published, node=named(NodeFactory, drafts[2], document=published, status=DRAFT), **link
    )
    ProvisionLinkFactory(document=named(DocumentFactory, public[2]), **link)
    html = client.get(f"/{lang}/strategy/organisations/{body.slug}/").content.decode()
    for words in drafts:
        assert not shows(html, words), words
    for words in public:
        assert shows(html, words), words


def test_a_sectors_page_lists_no_draft_incident(kb, client, lang):
    from tests.factories import SectorFactory

    sector = SectorFactory()
    named(IncidentFactory, ("下書き事案", "Draftincident"), status=DRAFT, sectors=[sector])
    named(IncidentFactory, ("公開事案", "Publicincident"), sectors=[sector])
    html = client.get(f"/{lang}{registry.ref(sector).url}").content.decode()
    assert not shows(html, ("下書き事案", "Draftincident"))
    assert shows(html, ("公開事案", "Publicincident"))
