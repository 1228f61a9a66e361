"""The sitemap and robots.txt: every URL answers 200 and names its Japanese, English and x-default pages."""

import re
from xml.etree import ElementTree as ET

import pytest

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    """[(loc, lastmod or None, {hreflang: href})] of every section listed by the index."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = []
    for location in index.findall("s:sitemap/s:loc", NS):
        section = client.get(location.text.removeprefix("http://testserver"))
        assert section.status_code == 200
        for url in ET.fromstring(section.content).findall("s:url", NS):
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            lastmod = url.find("s:lastmod", NS)
            urls.append((url.find("s:loc", NS).text, lastmod.text if lastmod is not None else None, alternates))
    return urls


@pytest.mark.slow
def test_every_sitemap_url_answers_200_with_both_languages_and_x_default(client, kb):
    urls = sitemap_urls(client)
    locations = [loc for loc, _lastmod, _alternates in urls]
    assert len(locations) == len(set(locations))
    assert len(locations) > 400  # every article of the Act in force, in two languages, and the records
    for loc, lastmod, alternates in urls:
        assert set(alternates) == {"ja", "en", "x-default"}, loc
        assert loc in (alternates["ja"], alternates["en"])
        assert alternates["x-default"] == alternates["ja"]
        assert alternates["en"] == alternates["ja"].replace("/ja/", "/en/", 1)
        if lastmod is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod), loc
        response = client.get(loc.removeprefix("http://testserver"))
        assert response.status_code == 200, loc
    paths = {loc.removeprefix("http://testserver") for loc in locations}
    assert "/ja/laws/basic-act-on-cybersecurity/articles/26/" in paths
    assert "/en/incidents/opm-2015/" in paths
    assert "/ja/glossary/" in paths
    assert not any("/search/" in path or "/resolve/" in path for path in paths)


def test_the_dates_are_the_dated_facts_the_pages_show(client, kb):
    dates = {loc.removeprefix("http://testserver"): lastmod for loc, lastmod, _ in sitemap_urls(client)}
    current = kb.versions.get(key="current")
    assert dates["/ja/laws/basic-act-on-cybersecurity/articles/26/"] == current.in_force_from.isoformat()
    from incidents.models import Incident

    opm = Incident.objects.get(slug="opm-2015")
    assert dates["/en/incidents/opm-2015/"] == (opm.end_date or opm.start_date).isoformat()
    assert dates["/ja/glossary/"] is None  # no date is recorded for a list: none is invented


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_search_and_resolver(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for path in ("/admin/", "/ja/search/", "/en/search/", "/ja/resolve/", "/en/resolve/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /ja/" not in lines


def test_a_record_changed_since_it_was_loaded_is_dated_by_its_last_update(client, kb):
    from django.utils import timezone

    from incidents.models import Incident
    from strategy.models import Organisation

    incident = Incident.objects.get(slug="opm-2015")
    incident.title_en = "OPM data breach (edited)"
    incident.save()
    organisation = Organisation.objects.public().order_by("slug").first()
    organisation.name_en = organisation.name_en or "Edited"
    organisation.save()
    incident.refresh_from_db()
    today = timezone.localdate(incident.last_updated).isoformat()
    dates = {loc.removeprefix("http://testserver"): lastmod for loc, lastmod, _ in sitemap_urls(client)}
    assert dates["/en/incidents/opm-2015/"] == dates["/ja/incidents/opm-2015/"] == today
    assert dates[f"/ja/strategy/organisations/{organisation.slug}/"] == today
    page = client.get("/en/incidents/opm-2015/").content.decode()
    assert f'<time datetime="{today}">' in page.split('class="last-updated"', 1)[1].split("</p>", 1)[0]


def test_addresses_are_on_the_configured_site_url(client, kb, settings):
    settings.SITE_URL = "https://policy.example.org"
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert sections and all(loc.startswith("https://policy.example.org/sitemap-") for loc in sections)
    section = ET.fromstring(client.get("/sitemap-incidents.xml").content)
    locations = [url.find("s:loc", NS).text for url in section.findall("s:url", NS)]
    assert "https://policy.example.org/en/incidents/opm-2015/" in locations
    assert all(loc.startswith("https://policy.example.org/") for loc in locations)
    alternates = [link.get("href") for link in section.findall("s:url/x:link", NS)]
    assert alternates and all(href.startswith("https://policy.example.org/") for href in alternates)
    assert "Sitemap: https://policy.example.org/sitemap.xml" in client.get("/robots.txt").content.decode()
