"""The Atom feeds: parsed with feedparser, in both languages, saying what changed, never a draft, at a fixed cost."""

import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.editing import Status
from incidents.models import Incident
from tests.factories import IncidentFactory

OTHER = {"ja": "en", "en": "ja"}


def parse(client, path):
    """The feedparser result of a feed that answers 200 as Atom and parses without error."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def links(entry):
    """{hreflang: href} of an entry's alternate links."""
    return {link["hreflang"]: link["href"] for link in entry.links if link["rel"] == "alternate"}


def entries_for(feed, url):
    return [entry for entry in feed.entries if entry.link == url]


@pytest.mark.parametrize("path", ["/{lang}/feeds/changes/", "/{lang}/feeds/incidents/"])
def test_site_feeds_are_in_the_feeds_language_with_links_to_both(client, kb, lang, path):
    feed = parse(client, path.format(lang=lang))
    assert feed.feed.language == lang
    assert feed.feed.link.startswith(f"http://testserver/{lang}/")
    assert 0 < len(feed.entries) <= 50
    for entry in feed.entries:
        alternates = links(entry)
        assert entry.link == alternates[lang] and entry.link.startswith(f"http://testserver/{lang}/")
        assert alternates[OTHER[lang]] == entry.link.replace(f"/{lang}/", f"/{OTHER[lang]}/", 1)
        assert entry.id and entry.updated_parsed
    ja, en = parse(client, path.format(lang="ja")), parse(client, path.format(lang="en"))
    assert ja.feed.title != en.feed.title
    assert re.search(r"[ぁ-んァ-ン一-龥]", ja.feed.title) and not re.search(r"[ぁ-んァ-ン一-龥]", en.feed.title)


def test_an_edit_appears_first_with_the_fields_it_changed(client, kb):
    incident = Incident.objects.get(slug="opm-2015")
    incident.title_en = "OPM personnel records breach"
    incident.summary_ja = incident.summary_ja + "（更新）"
    incident.save()
    en = parse(client, "/en/feeds/changes/").entries[0]
    assert en.link == "http://testserver/en/incidents/opm-2015/"
    assert en.title == "OPM personnel records breach — changed"
    assert "<li>title (English)</li>" in en.summary and "<li>summary (Japanese)</li>" in en.summary
    assert "start date" not in en.summary
    ja = parse(client, "/ja/feeds/changes/").entries[0]
    assert ja.link == "http://testserver/ja/incidents/opm-2015/"
    assert "<li>タイトル（英語）</li>" in ja.summary and ja.title.endswith(" — 変更")
    record = parse(client, "/en/feeds/records/incident:opm-2015/")
    assert [entry.title.rsplit(" — ", 1)[1] for entry in record.entries] == ["changed", "created"]
    assert record.feed.link == "http://testserver/en/incidents/opm-2015/"


def test_an_english_feed_marks_a_title_given_in_japanese(client, kb):
    incident = IncidentFactory(title_en="")
    feed = parse(client, f"/en/feeds/records/incident:{incident.slug}/")
    assert feed.entries[0].title_detail.language == "ja"
    assert parse(client, "/en/feeds/records/incident:opm-2015/").entries[0].title_detail.language == "en"


def test_drafts_never_appear_and_publishing_is_announced(client, kb):
    draft = IncidentFactory(status=Status.DRAFT, title_en="Unpublished incident")
    draft.summary_en = "Still a draft"
    draft.save()
    page = f"http://testserver/en/incidents/{draft.slug}/"
    for path in ("/en/feeds/changes/", "/en/feeds/incidents/"):
        assert not entries_for(parse(client, path), page)
        assert "Unpublished incident" not in client.get(path).content.decode()
    assert client.get(f"/en/feeds/records/incident:{draft.slug}/").status_code == 404
    draft.status = Status.PUBLISHED
    draft.save()
    published = entries_for(parse(client, "/en/feeds/changes/"), page)
    assert [entry.title for entry in published] == ["Unpublished incident — published"]
    assert entries_for(parse(client, "/en/feeds/incidents/"), page)
    record = parse(client, f"/en/feeds/records/incident:{draft.slug}/")
    assert [entry.title for entry in record.entries] == ["Unpublished incident — published"]


def test_a_published_record_made_a_draft_again_leaves_every_feed(client, kb):
    incident = Incident.objects.get(slug="opm-2015")
    incident.title_en = "Edited before it was withdrawn"
    incident.save()
    incident.status = Status.DRAFT
    incident.save()
    feed = parse(client, "/en/feeds/changes/")
    assert not entries_for(feed, "http://testserver/en/incidents/opm-2015/")
    assert client.get("/en/feeds/records/incident:opm-2015/").status_code == 404


def test_a_deleted_record_is_announced_with_a_link_that_answers(client, kb):
    incident = IncidentFactory(title_en="Recorded by mistake")
    incident.delete()
    entry = parse(client, "/en/feeds/changes/").entries[0]
    assert entry.title == "Recorded by mistake — deleted"
    assert client.get(entry.link.removeprefix("http://testserver")).status_code == 200


@pytest.mark.parametrize("key", ["incident:no-such-incident", "nothing:at-all", "incident:", "article:x:1"])
def test_a_feed_of_an_unknown_record_is_not_found(client, kb, key):
    response = client.get(f"/en/feeds/records/{key}/")
    assert response.status_code == 404
    assert "No record is recorded at this address" in response.content.decode()


@pytest.mark.parametrize(
    "key",
    [
        "article:basic-act-on-cybersecurity:13",
        "incident:opm-2015",
        "document:cs-strategy-2015",
        "term:cybersecurity",
    ],
)
def test_every_kind_of_record_has_a_feed(client, kb, key):
    feed = parse(client, f"/ja/feeds/records/{key}/")
    assert feed.feed.language == "ja" and feed.entries
    assert all(entry.link == feed.feed.link for entry in feed.entries if "deleted" not in entry.title)


def feed_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


FEED_QUERIES = {
    "/en/feeds/changes/": 16,  # two per record kind: its latest history rows, and their previous rows
    "/ja/feeds/incidents/": 1,
    "/en/feeds/records/incident:opm-2015/": 3,  # the record, its latest history rows, their previous rows
}


def test_a_feed_reads_a_fixed_number_of_queries_at_any_size(client, kb):
    small = {path: feed_queries(client, path) for path in FEED_QUERIES}
    assert small == FEED_QUERIES
    incident = Incident.objects.get(slug="opm-2015")
    for number in range(60):
        IncidentFactory()
        incident.title_en = f"OPM data breach ({number})"
        incident.save()
    large = {path: feed_queries(client, path) for path in FEED_QUERIES}
    assert large == small
    assert len(parse(client, "/en/feeds/records/incident:opm-2015/").entries) == 50
    assert len(parse(client, "/en/feeds/changes/").entries) == 50


HEAD_LINK = r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="{}">'


@pytest.mark.parametrize(
    "page, key",
    [
        ("/{lang}/incidents/opm-2015/", "incident:opm-2015"),
        ("/{lang}/laws/basic-act-on-cybersecurity/articles/13/", "article:basic-act-on-cybersecurity:13"),
        ("/{lang}/glossary/cybersecurity/", "term:cybersecurity"),
        ("/{lang}/strategy/documents/cs-strategy-2015/", "document:cs-strategy-2015"),
    ],
)
def test_record_pages_link_their_feed_in_head_and_visibly(client, kb, lang, page, key):
    html = client.get(page.format(lang=lang)).content.decode()
    head = html.split("</head>", 1)[0]
    assert re.search(HEAD_LINK.format(re.escape(f"/{lang}/feeds/changes/")), head)
    assert re.search(HEAD_LINK.format(re.escape(f"/{lang}/feeds/records/{key}/")), head)
    body = html.split("</head>", 1)[1]
    assert f'<p class="follow"><a href="/{lang}/feeds/records/{key}/"' in body


@pytest.mark.parametrize("page", ["/{lang}/", "/{lang}/incidents/", "/{lang}/glossary/", "/{lang}/data/"])
def test_every_page_links_the_changes_feed_in_head(client, kb, lang, page):
    head = client.get(page.format(lang=lang)).content.decode().split("</head>", 1)[0]
    assert re.search(HEAD_LINK.format(re.escape(f"/{lang}/feeds/changes/")), head)
    assert "/feeds/records/" not in head
