"""Drafts never reach the sitemap, the data files, the API, the structured data or the feeds: every public listing
reads public_queryset(), the feeds leave out the history of drafts."""

import re

import pytest

from core.editing import Status
from core.records import public_queryset, registry

DRAFTABLE = ["document", "node", "incident", "organisation", "term"]


def test_every_kind_that_has_drafts_is_tested():
    assert sorted(kind.key for kind in registry.ordered() if kind.has_drafts) == sorted(DRAFTABLE)


def json_ld(html):
    """Every JSON-LD block of a page, as text."""
    return "".join(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S))


@pytest.mark.parametrize("kind", DRAFTABLE)
def test_a_draft_appears_in_no_public_listing(client, kb, kind):
    model = registry.kinds[kind].model_class
    record = model.objects.order_by("pk").last()
    key, path = registry.key(record), registry.ref(record).url
    listing = {"term": "/en/glossary/", "node": getattr(getattr(record, "document", None), "get_absolute_url", None)}
    listing = listing.get(kind)
    listing = listing() if callable(listing) else listing
    if listing:  # a published page whose structured data names the record while it is public
        assert path in json_ld(client.get(listing.replace("/ja/", "/en/", 1)).content.decode())
    record.status = Status.DRAFT
    record.save()  # through the history, as an editor's change
    assert not public_queryset(kind).filter(pk=record.pk).exists()
    sitemap = "".join(client.get(f"/sitemap-{s}.xml").content.decode() for s in ("documents", "incidents", "records"))
    assert f"/ja{path}<" not in sitemap
    for collection in ("documents", "document-parts", "incidents", "organisations", "glossary", "links"):
        assert f'"{key}"' not in client.get(f"/data/{collection}.json").content.decode(), collection
    assert key not in client.get(f"/api/v1/records?kind={kind}&page_size=200").content.decode()
    assert client.get(f"/api/v1/records/{key}").status_code == 404
    assert client.get(f"/api/v1/records?page_size=200&related_to={key}").status_code == 404
    for feed in ("/ja/feeds/changes/", "/en/feeds/changes/", "/en/feeds/incidents/"):
        assert f'{path}"' not in client.get(feed).content.decode(), feed
    assert client.get(f"/en/feeds/records/{key}/").status_code == 404
    if listing:
        assert path not in json_ld(client.get(listing.replace("/ja/", "/en/", 1)).content.decode())


def test_public_queryset_reads_a_kinds_public_filter():
    kind = registry.kinds["incident"]
    calls = []

    class Filtered:
        def __getattr__(self, name):
            return getattr(kind, name)

        def public(self, queryset):
            calls.append(queryset.model)
            return queryset.none()

    assert list(public_queryset(Filtered())) == [] and calls == [kind.model_class]
