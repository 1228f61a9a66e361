"""The content as a careful reader checks it: every record has a source, each source is defined once and shows what
was seen of it, English pages are in English (Japanese marked, ASCII punctuation), Japanese pages have Japanese
notes, no internal identifier is shown, and no summary states a cause that no source states.

Each check runs on the real knowledge base, and on a deliberately faulty record or page to show it can fail.
"""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation

from core.records import registry
from incidents.models import Incident
from laws.models import Source
from policy_kb import content_checks
from policy_kb.relations import edges
from strategy.models import Document, Node
from tests.factories import (
    AmendingActFactory,
    ArticleIdentityFactory,
    DocumentFactory,
    IncidentFactory,
    NodeFactory,
    OrganisationFactory,
    SectorFactory,
    SourceFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
VERSION_QUERY = re.compile(r"^version=[a-z]+$")


# --- The site, crawled as a reader follows its links --------------------------------------------------------------


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The English pages a reader reaches from /en/ by following links: {path: html}. ?version= is kept except
    for the version in force (the same page as without it); of the Japanese-and-English side-by-side pages, which
    show the article pages' texts in another layout, one per version is read. Read-only, so crawled once per
    module outside the tests' transactions."""
    from laws.models import Version

    pages = {}
    with django_db_blocker.unblock(), override_settings(DEBUG=False):
        in_force = {f"version={version.key}" for version in Version.objects.all() if version.is_in_force()}
        client = Client()
        queue, parallel_seen = ["/en/"], set()
        while queue:
            path = queue.pop()
            if path in pages:
                continue
            response = client.get(path)
            assert response.status_code == 200, f"{path} answered {response.status_code}"
            pages[path] = html = response.content.decode()
            for href in re.findall(r'href="([^"]+)"', html):
                parts = urlsplit(href.replace("&amp;", "&"))
                if parts.scheme or parts.netloc or not parts.path.startswith("/en/"):
                    continue
                query = parts.query if VERSION_QUERY.match(parts.query) and parts.query not in in_force else ""
                if parts.path.startswith("/en/related/"):  # the full list of one group of links: named by its query
                    query = "&".join(p for p in parts.query.split("&") if not p.startswith("page="))
                if parts.path.endswith("/parallel/"):
                    if query in parallel_seen:
                        continue
                    parallel_seen.add(query)
                link = parts.path + (f"?{query}" if query else "")
                if link not in pages:
                    queue.append(link)
    return pages


def test_the_crawl_reaches_every_kind_of_page(site):
    for part in ("/laws/", "/strategy/documents/", "/strategy/organisations/", "/strategy/sectors/", "/incidents/"):
        assert any(part in path for path in site), part
    assert any("?version=original" in path for path in site)
    assert sum("/parallel/" in path for path in site) >= 2
    assert len(site) > 250


# --- Sources -------------------------------------------------------------------------------------------------------


def test_every_record_of_every_kind_has_a_source():
    assert content_checks.records_without_sources() == []


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("article", lambda: ArticleIdentityFactory()),
        ("amendment", lambda: AmendingActFactory(source=None)),
        ("term", lambda: TermFactory(source=None)),
        ("document", lambda: DocumentFactory()),
        ("node", lambda: NodeFactory(document=DocumentFactory())),
        ("incident", lambda: IncidentFactory(sources=[])),
        ("organisation", lambda: OrganisationFactory()),
        ("sector", lambda: SectorFactory()),
    ],
)
def test_a_record_without_a_source_is_reported(kind, make):
    record = make()
    assert {k.key for k in registry.ordered()} >= {kind}
    assert (registry.key(record), kind) in content_checks.records_without_sources()


def _source_definitions(data, place, found):
    """Every source definition (a dict with a key, an address and a title) in a fixture's JSON, with its place."""
    if isinstance(data, dict):
        if {"key", "url", "title"} <= data.keys():
            found.append((place, data))
        for name, value in data.items():
            _source_definitions(value, f"{place}/{name}", found)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _source_definitions(value, f"{place}[{index}]", found)
    return found


def test_each_source_is_defined_once_in_the_fixtures():
    found = []
    for path in sorted(FIXTURES.rglob("*.json")):
        _source_definitions(json.loads(path.read_text(encoding="utf-8")), path.name, found)
    assert found, "the fixtures define their sources"
    for field in ("key", "url"):
        places = {}
        for place, data in found:
            if data[field]:
                places.setdefault(data[field], []).append(place)
        assert {value: where for value, where in places.items() if len(where) > 1} == {}
    assert all(place.startswith("sources.json") for place, _data in found)


def _fixture_folder(tmp_path, incident_source):
    """A copy of the real fixtures whose first incident defines a source of its own inline."""
    folder = tmp_path / "fixtures"
    for path in FIXTURES.rglob("*.json"):
        target = folder / path.relative_to(FIXTURES)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    incidents = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))
    incidents["incidents"][0]["slug"] = "test-incident-defining-a-source"
    incidents["incidents"][0]["sources"].append(incident_source)
    (folder / "incidents.json").write_text(json.dumps(incidents, ensure_ascii=False), encoding="utf-8")
    return folder


def test_the_loader_refuses_a_second_different_definition_of_an_address_naming_both_places(tmp_path):
    first = json.loads((FIXTURES / "sources.json").read_text(encoding="utf-8"))["sources"][0]
    second = {**first, "key": "test-same-address-other-key", "title": "Another title for the same address"}
    folder = _fixture_folder(tmp_path, second)
    with pytest.raises(CommandError) as error:
        call_command("load_kb", fixtures=str(folder), data_dir=str(tmp_path / "no-data"))
    message = str(error.value)
    assert first["url"] in message
    assert "sources.json: sources[0]" in message and "incidents.json: incident test-incident" in message
    assert not Incident.objects.filter(slug="test-incident-defining-a-source").exists()


def test_the_loader_refuses_a_second_different_definition_of_a_key(tmp_path):
    first = json.loads((FIXTURES / "sources.json").read_text(encoding="utf-8"))["sources"][0]
    folder = _fixture_folder(tmp_path, {**first, "title": "A different title"})
    with pytest.raises(CommandError, match=rf"source '{first['key']}' is defined at .*sources\.json.* and differently"):
        call_command("load_kb", fixtures=str(folder), data_dir=str(tmp_path / "no-data"))


def test_sources_say_what_was_seen_of_them():
    for source in Source.objects.all():
        assert source.checked in Source.Checked.values, source.key
        if source.checked == Source.Checked.CITED:
            assert source.cited_by_id or source.note, source.key
            if source.cited_by_id:
                assert source.cited_by.checked == Source.Checked.SEEN, source.key
        if source.checked == Source.Checked.UNCHECKED:
            assert not re.search(r"\b(?:read|seen) in\b", source.note), source.key


def test_every_source_shown_on_a_page_shows_what_was_seen_of_it(site):
    addresses = set(Source.objects.exclude(url="").values_list("url", flat=True))
    for pages in (site,):
        for path, html in pages.items():
            for match in re.finditer(r'href="([^"]+)" class="external"', html):
                if match.group(1).replace("&amp;", "&") not in addresses:
                    continue
                rest = html[match.end() :]
                following_link = rest.find("href=")
                flag = rest.find('class="source-check')
                assert flag >= 0 and (following_link < 0 or flag < following_link), (path, match.group(1))


def test_amending_acts_cite_their_source_with_what_was_seen_of_it(client, lang):
    for path in ("H28-31", "R7-43"):
        html = client.get(f"/{lang}/laws/basic-act-on-cybersecurity/amendments/{path}/").content.decode()
        assert 'class="source-check source-check--' in html


# --- English pages in English, Japanese pages in Japanese ------------------------------------------------------------


def test_english_pages_show_no_japanese_outside_lang_ja(site):
    found = {path: texts for path, html in site.items() if (texts := content_checks.japanese_outside_lang_ja(html))}
    assert found == {}


def test_english_pages_use_no_full_width_brackets(site):
    found = {
        path: texts for path, html in site.items() if (texts := content_checks.full_width_brackets_in_english(html))
    }
    assert found == {}


def test_the_page_checks_find_what_they_look_for():
    page = (
        '<html lang="en"><body><p>Art. 26（Affairs）</p><p>第一章 General Provisions</p>'
        '<p><span lang="ja">第一章（総則）</span> <span class="fallback-marker">Japanese original</span></p>'
        "</body></html>"
    )
    assert content_checks.japanese_outside_lang_ja(page) == ["第一章 General Provisions"]
    assert content_checks.full_width_brackets_in_english(page) == ["Art. 26（Affairs）"]
    note = '<aside class="notice verification-note"><p>Only English here.</p></aside>'
    assert content_checks.notes_without_japanese(note) == ["<p>Only English here.</p>"]


def test_japanese_pages_have_their_notes_in_japanese(client):
    noted = [d for d in Document.objects.all() if d.note_ja or d.note_en]
    noted += [n for n in Node.objects.select_related("document") if n.note_ja or n.note_en]
    assert len(noted) > 40
    for record in noted:
        with translation.override("ja"):
            html = client.get(record.get_absolute_url()).content.decode()
        assert 'class="notice verification-note"' in html, record
        assert content_checks.notes_without_japanese(html) == [], record


def test_a_note_written_only_in_english_is_marked_on_a_japanese_page_and_reported(client):
    node = NodeFactory(document=DocumentFactory(), note_ja="", note_en="Only an English note.")
    html = client.get(f"/ja/strategy/documents/{node.document.slug}/{node.key}/").content.decode()
    assert '<span lang="en">Only an English note.</span> <span class="fallback-marker">' in html
    assert content_checks.notes_without_japanese(html)


def test_chapters_are_numbered_as_the_official_translation_numbers_them(site):
    html = site["/en/laws/basic-act-on-cybersecurity/"]
    assert "Chapter IV Cybersecurity Strategic Headquarters" in re.sub(r"<[^>]+>", "", html)
    article = site["/en/laws/basic-act-on-cybersecurity/articles/26/"]
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', article, re.S).group(0)
    assert "Chapter IV" in crumbs and "第" not in crumbs


# --- Reader-facing fields ----------------------------------------------------------------------------------------


def test_no_reader_facing_field_shows_an_internal_identifier():
    assert content_checks.internal_identifiers() == []


def test_an_internal_identifier_in_a_reader_facing_field_is_reported():
    DocumentFactory(slug="test-doc-2099", summary_en="See incidents.json; (verified false).")
    NodeFactory(document=DocumentFactory(), note_en="Detailed in document test-doc-2099.")
    found = {identifier for _where, identifier in content_checks.internal_identifiers()}
    assert {"incidents.json", "verified false", "test-doc-2099"} <= found


# --- Summaries say no more than their sources ----------------------------------------------------------------------


def test_no_summary_states_a_cause_that_no_source_states():
    assert content_checks.causal_claims_without_stated_link(edges()) == []


def test_a_summary_asserting_what_its_link_marks_as_interpretation_is_reported():
    incident = Incident.objects.get(slug="japan-pension-service-2015")
    assert incident.links.filter(relation_type="prompted", interpretation=True).exists()
    assert not incident.links.filter(relation_type="prompted", interpretation=False).exists()
    Incident.objects.filter(pk=incident.pk).update(
        summary_en=incident.summary_en + " The incident led to the amendment."
    )
    problems = content_checks.causal_claims_without_stated_link(edges())
    assert ("incident:japan-pension-service-2015", "summary_en", "led to") in problems


def test_the_briefing_deck_links_every_slide_to_the_records_it_summarises():
    deck = Document.objects.get(slug="briefing-deck-2016")
    slides = Node.objects.filter(document=deck, kind=Node.Kind.SLIDE).select_related("document")
    assert slides.count() == 12
    for slide in slides:
        linked = [edge for edge in edges(slide) if edge.relation_type == "summarises"]
        assert linked, f"slide {slide.number} links to no record"


def test_the_decisions_named_on_the_last_slide_are_records_marked_as_named_by_the_deck():
    for slug in ("government-common-standards", "hr-development-programme", "rd-strategy"):
        document = Document.objects.get(slug=slug)
        assert document.title_status == "cited" and not document.verified and document.decided_on is None
        assert document.deciding_body.slug == "ispc"
        assert set(document.sources.values_list("key", flat=True)) == {"nisc-deck-2016", "nisc-ispc-decisions"}


def test_sources_of_a_faulty_record_are_reported_on_its_kind_only():
    source = SourceFactory()
    incident = IncidentFactory(sources=[source])
    assert (registry.key(incident), "incident") not in content_checks.records_without_sources()
