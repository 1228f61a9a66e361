"""Atom feeds (django.contrib.syndication) in each language: recent changes, new incidents, one record's changes.

Each feed is served under /ja/ and /en/; its title, entries and links are in that language (a label without an
English translation is given in Japanese, marked xml:lang="ja"). Every entry links to the record's page in the
feed's language (hreflang) and to the same page in the other language. Drafts never appear: changes are read
by policy_kb.opendata.changes, incidents by public_queryset(), and a record's feed of a draft is "not found".
Each feed reads a fixed number of rows (changes.FEED_SIZE), so its cost does not grow with the knowledge base.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from core.editing import nobody, preview_of
from core.i18n import localized
from core.jsonld import Site
from core.records import public_queryset, registry
from core.urls import neutral_path

from .changes import ACTIONS, FEED_SIZE, recent_changes, record_changes

OTHER = {"ja": "en", "en": "ja"}


@dataclass(frozen=True)
class FeedEntry:
    """An entry as the feed writes it: title (plain text) and the language it is written in, link (absolute, in the
    feed's language) and the other language's page, summary (HTML), time of the change, and a stable id."""

    title: str
    title_lang: str
    link: str
    other_link: str
    summary: str
    when: datetime.datetime
    uid: str


@dataclass(frozen=True)
class FeedScope:
    """What a feed request is about: the site (base URL and the feed's language) and, for a record's feed, the
    record's Ref and the record (None otherwise)."""

    site: Site
    ref: object = None
    record: object = None


class HreflangAtomFeed(Atom1Feed):
    """Atom 1.0 whose alternate links name their language (hreflang) and type; each entry links to the page in
    the other language, then to the page in the feed's language (written last, so that feed readers, which take
    an entry's last alternate link as its link, open the page in the feed's language); an entry title written in
    another language than the feed's carries its xml:lang."""

    def add_root_elements(self, handler):
        super().add_root_elements(_Languages(handler, self.feed["language"]))

    def add_item_elements(self, handler, item):
        other = (OTHER[self.feed["language"]], item["other_link"])
        super().add_item_elements(_Languages(handler, self.feed["language"], item.get("title_lang"), other), item)


class _Languages:
    """A wrapper of the XML writer: hreflang and type on alternate links, the other language's link before the
    entry's own, xml:lang on a title in another language than the feed's."""

    def __init__(self, handler, language, title_lang=None, other=None):
        self._handler, self._language, self._title_lang, self._other = handler, language, title_lang, other

    def addQuickElement(self, name, contents=None, attrs=None):
        attrs = dict(attrs or {})
        if name == "link" and attrs.get("rel") == "alternate":
            if self._other:
                language, href = self._other
                self._handler.addQuickElement(
                    "link", "", {"rel": "alternate", "type": "text/html", "hreflang": language, "href": href}
                )
            attrs.update(type="text/html", hreflang=self._language)
        if name == "title" and self._title_lang and self._title_lang != self._language:
            attrs["xml:lang"] = self._title_lang
        self._handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self._handler, name)


class EntryFeed(Feed):
    """A feed of FeedEntries built by entries(scope); the common part of the site's feeds."""

    feed_type = HreflangAtomFeed

    def get_object(self, request, *args, **kwargs):
        return FeedScope(Site.of(request))

    def entries(self, scope):
        raise NotImplementedError

    def items(self, scope):
        return self.entries(scope)

    def feed_url(self, scope):
        return scope.site.url(self.path(scope))

    def feed_guid(self, scope):
        return self.feed_url(scope)

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.summary

    def item_guid(self, entry):
        return entry.uid

    item_guid_is_permalink = False

    def item_updateddate(self, entry):
        return entry.when

    def item_pubdate(self, entry):
        return entry.when

    def item_extra_kwargs(self, entry):
        return {"title_lang": entry.title_lang, "other_link": entry.other_link}


def change_entries(scope, changes, feed_path):
    """FeedEntries of Changes: "<record label>" titled, linking to the record's page (the home page for a deleted
    record), the summary saying what happened and which fields changed, in the feed's language."""
    site, out = scope.site, []
    for change in changes:
        language = site.language
        path = neutral_path("home") if change.action == "deleted" else change.ref.url
        kind = registry.kinds[change.ref.kind]
        parts = [format_html("<p>{}: {}</p>", _("Kind of record"), kind.plural)]
        parts.append(format_html("<p>{}: {}</p>", _("What happened"), ACTIONS[change.action]))
        if change.fields:
            labels = format_html_join("", "<li>{}</li>", ((label,) for label in change.field_labels()))
            parts.append(format_html("<p>{}</p><ul>{}</ul>", _("Fields changed:"), labels))
        elif change.action == "changed":
            parts.append(format_html("<p>{}</p>", _("No field shown on the page changed.")))
        out.append(
            FeedEntry(
                title=f"{change.ref.label(language)} — {ACTIONS[change.action]}",
                title_lang=change.ref.label_lang(language),
                link=site.url(path),
                other_link=site.url(path, OTHER[language]),
                summary="".join(parts),
                when=change.when,
                uid=f"{site.url(feed_path)}#{change.uid}",
            )
        )
    return out


class ChangesFeed(EntryFeed):
    """/<lang>/feeds/changes/: the latest changes of every public record, whatever its kind."""

    def path(self, scope):
        return neutral_path("feed-changes")

    def title(self, scope):
        return _("Recent changes — Japan Cybersecurity Policy Knowledge Base")

    def subtitle(self, scope):
        return _("The latest records created, changed, published or deleted, with the fields that changed.")

    def link(self, scope):
        return scope.site.url(neutral_path("home"))

    def entries(self, scope):
        return change_entries(scope, recent_changes(), self.path(scope))


class IncidentsFeed(EntryFeed):
    """/<lang>/feeds/incidents/: the latest public incidents, newest first by their first day."""

    def path(self, scope):
        return neutral_path("feed-incidents")

    def title(self, scope):
        return _("Incidents — Japan Cybersecurity Policy Knowledge Base")

    def subtitle(self, scope):
        return _("Incidents recorded in the knowledge base, the most recent first.")

    def link(self, scope):
        return scope.site.url(neutral_path("incidents:list"))

    def entries(self, scope):
        site, out = scope.site, []
        incidents = public_queryset("incident").order_by("-start_date", "slug")[:FEED_SIZE]
        for incident in incidents:
            ref = registry.ref(incident)
            summary = localized(incident, "summary", site.language)
            start = datetime.datetime.combine(incident.start_date, datetime.time(), datetime.UTC)
            out.append(
                FeedEntry(
                    title=ref.label(site.language),
                    title_lang=ref.label_lang(site.language),
                    link=site.url(ref.url),
                    other_link=site.url(ref.url, OTHER[site.language]),
                    summary=format_html('<p lang="{}">{}</p>', summary.lang, summary.text),
                    when=incident.last_updated or start,
                    uid=f"{site.url(self.path(scope))}#{ref.key}",
                )
            )
        return out


class RecordFeed(EntryFeed):
    """/<lang>/feeds/records/<record key>/: the changes of one public record (404 for an unknown key or a draft)."""

    def get_object(self, request, key):
        record = registry.lookup(key)
        try:
            if record is None or preview_of(record, nobody):
                record = None
        except LookupError:
            record = None
        if record is None:
            raise Http404(_("No record is recorded at this address. Try the search, or start from the home page."))
        return FeedScope(Site.of(request), registry.ref(record), record)

    def path(self, scope):
        return neutral_path("feed-record", key=scope.ref.key)

    def title(self, scope):
        ref = scope.ref
        return _("Changes of “%(record)s” — Japan Cybersecurity Policy Knowledge Base") % {
            "record": ref.label(scope.site.language)
        }

    def subtitle(self, scope):
        return _("Every published change of this record, with the fields that changed.")

    def link(self, scope):
        return scope.site.url(scope.ref.url)

    def entries(self, scope):
        return change_entries(scope, record_changes(scope.record), self.path(scope))
