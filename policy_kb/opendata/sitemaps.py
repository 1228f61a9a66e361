"""The sitemap (django.contrib.sitemaps): every public page in Japanese and English, by section, and robots.txt.

Each URL carries its hreflang alternates (ja, en and x-default, the Japanese page) and, where the page
has one, a last-modified date: for a record whose page shows "Last updated" (documents, their parts, incidents,
organisations, glossary terms), that date, the day of its latest saved change (core.history); otherwise the
latest dated fact the page shows (the day the text shown took effect, the day a document was decided, the last
day of an incident). Pages without either (lists) carry none rather than an invented one. Drafts never appear:
records come from public_queryset(). Addresses start with POLICY_KB_SITE_URL when it is set, else with the
request's scheme and host.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.i18n import reader_language
from core.records import public_queryset
from core.urls import neutral_path
from laws.models import Act, Provision
from laws.selectors import default_version

from .exports import site_base


@dataclass(frozen=True)
class Entry:
    """A page of the sitemap: its language-neutral path and last-modified date (None when it has none)."""

    path: str
    lastmod: datetime.date | None = None


class EntrySitemap(Sitemap):
    """A section of Entries, each listed under /ja/ and /en/ with its alternates."""

    i18n = True
    languages = ["ja", "en"]
    alternates = True
    limit = 5000

    def entries(self):
        raise NotImplementedError

    def items(self):
        return list(self.entries())

    def location(self, entry):
        return f"/{reader_language()}{entry.path}"

    def lastmod(self, entry):
        return entry.lastmod

    def get_latest_lastmod(self):
        """The section's latest date, for the index (dates of undated pages are left out, not compared)."""
        return max((entry.lastmod for entry in self.items() if entry.lastmod), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        """The section's URL entries, on POLICY_KB_SITE_URL's scheme and host when it is set."""
        if settings.SITE_URL:
            parts = urlsplit(settings.SITE_URL)
            return self._urls(page, parts.scheme, parts.netloc)
        return super().get_urls(page, site, protocol)

    def _urls(self, page, protocol, domain):
        """Django's URL entries plus an x-default alternate naming the Japanese page, as the pages' own
        <link rel="alternate" hreflang="x-default"> do (Django's x_default would name an unprefixed address)."""
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            japanese = next(a["location"] for a in info["alternates"] if a["lang_code"] == "ja")
            info["alternates"].append({"location": japanese, "lang_code": "x-default"})
        return urls


class PageSitemap(EntrySitemap):
    """The lists and overviews that are not records."""

    NAMES = (
        "home",
        "laws:index",
        "strategy:index",
        "strategy:sectors",
        "strategy:organisations",
        "incidents:list",
        "incidents:chart",
        "timeline",
        "glossary",
        "about-links",
        "graph",
        "open-data",
    )

    def entries(self):
        return [Entry(neutral_path(name)) for name in self.NAMES]


class LawSitemap(EntrySitemap):
    """Each act: its page, supplementary provisions, amendments, and every article of the text shown by default
    (alone and Japanese/English side by side); dated by the day that text took effect."""

    def entries(self):
        today = timezone.localdate()
        for act in Act.objects.prefetch_related("versions").order_by("promulgated", "slug"):
            versions = sorted(act.versions.all(), key=lambda v: v.in_force_from)
            shown = default_version(versions, today)
            since = shown.in_force_from if shown else None
            yield Entry(neutral_path("laws:act", act=act.slug), since)
            if shown is None or not shown.is_loaded:
                continue
            yield Entry(neutral_path("laws:supplementary", act=act.slug), since)
            articles = Provision.objects.articles().filter(version=shown).order_by("tree_id", "lft")
            for number in articles.values_list("number", flat=True):
                yield Entry(neutral_path("laws:article", act=act.slug, number=number), since)
                yield Entry(neutral_path("laws:article-parallel", act=act.slug, number=number), since)
        amendments = public_queryset("amendment").select_related("act").order_by("promulgated", "key")
        acts_with_amendments = []
        for amendment in amendments:
            if amendment.act.slug not in acts_with_amendments:
                acts_with_amendments.append(amendment.act.slug)
            yield Entry(
                neutral_path("laws:amendment", act=amendment.act.slug, key=amendment.key),
                amendment.effective or amendment.promulgated,
            )
        for slug in acts_with_amendments:
            yield Entry(neutral_path("laws:amendments", act=slug))


def updated(record, otherwise=None):
    """The day a record's page gives as "Last updated" (the local date of its latest saved change), else
    `otherwise` (a dated fact of the page, or None)."""
    return timezone.localdate(record.last_updated) if record.last_updated else otherwise


class DocumentSitemap(EntrySitemap):
    """Policy documents and their parts, dated by their last update, else the day the document was decided."""

    def entries(self):
        for document in public_queryset("document").order_by("slug"):
            yield Entry(neutral_path("strategy:document", slug=document.slug), updated(document, document.decided_on))
        for node in public_queryset("node").select_related("document").order_by("document__slug", "tree_id", "lft"):
            yield Entry(
                neutral_path("strategy:node", slug=node.document.slug, key=node.key),
                updated(node, node.document.decided_on),
            )


class IncidentSitemap(EntrySitemap):
    """Incidents, dated by their last update, else their last known day (the end, else the start)."""

    def entries(self):
        for incident in public_queryset("incident").order_by("start_date", "slug"):
            yield Entry(
                neutral_path("incidents:detail", slug=incident.slug),
                updated(incident, incident.end_date or incident.start_date),
            )


class RecordSitemap(EntrySitemap):
    """Organisations and glossary terms, dated by their last update (none when no change is recorded)."""

    def entries(self):
        for organisation in public_queryset("organisation").order_by("slug"):
            yield Entry(neutral_path("strategy:organisation", slug=organisation.slug), updated(organisation))
        for term in public_queryset("term").order_by("slug"):
            yield Entry(neutral_path("glossary-term", slug=term.slug), updated(term))


SITEMAPS = {
    "pages": PageSitemap,
    "laws": LawSitemap,
    "documents": DocumentSitemap,
    "incidents": IncidentSitemap,
    "records": RecordSitemap,
}
"""The sitemap's sections, listed by the index at /sitemap.xml; each is /sitemap-<section>.xml."""


@require_safe
def sitemap_index(request):
    """/sitemap.xml: django.contrib.sitemaps' index of the sections, its addresses on POLICY_KB_SITE_URL when set."""
    response = sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap-section")
    if settings.SITE_URL:
        here = f"{request.scheme}://{request.get_host()}"
        response.context_data["sitemaps"] = [
            sitemap_views.SitemapIndexItem(settings.SITE_URL + item.location.removeprefix(here), item.last_mod)
            for item in response.context_data["sitemaps"]
        ]
    return response


@require_safe
def robots_txt(request):
    """/robots.txt: names the sitemap; keeps crawlers out of the admin, search results and the citation resolver."""
    lines = ["User-agent: *", f"Disallow: {reverse('admin:index')}"]
    for language in ("ja", "en"):
        lines.append(f"Disallow: /{language}{neutral_path('search')}")
        lines.append(f"Disallow: /{language}{neutral_path('resolve')}")
    lines.append(f"Sitemap: {site_base(request)}{reverse('sitemap-index')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
