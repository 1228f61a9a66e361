"""Checks of the content as a careful reader would make them: every record sourced, English pages in English,
no internal identifier shown, no summary asserting what its links mark as interpretation.

Each check returns a list of problems (empty when the content passes), so tests can run it on the real knowledge
base and on a deliberately faulty record alike.
"""

import re
from html.parser import HTMLParser

from django.apps import apps
from modeltranslation.translator import translator

from core.i18n import JAPANESE_RUN
from core.records import registry
from core.relations import RelationType

FULL_WIDTH_BRACKETS = re.compile(r"[（）［］【】〔〕｛｝「」『』]")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- Records and their sources ---------------------------------------------------------------------------------


def records_without_sources():
    """[(record key, kind key)] of every record of every registered kind whose kind finds no source for it."""
    return [(kind.ref(record).key, kind.key) for kind, record in _every_record() if not list(kind.sources(record))]


def _every_record():
    """(RecordKind, record) for every record of every registered kind, drafts included, in registry order."""
    for kind in registry.ordered():
        queryset = kind.model_class.objects.all()
        if kind.ref_related:
            queryset = queryset.select_related(*kind.ref_related)
        for record in queryset:
            yield kind, record


# --- Pages -------------------------------------------------------------------------------------------------------


class _TextByLanguage(HTMLParser):
    """Collects the visible text of a page with the language each piece is marked as (the nearest lang attribute)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [(tag, lang or "")]
        self.pieces = []  # [(lang, text)]
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        self.stack.append((tag, (dict(attrs).get("lang") or "")[:2]))
        if tag in ("script", "style"):
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                if tag in ("script", "style"):
                    self.skipping -= 1
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.skipping or not data.strip():
            return
        lang = next((lang for _tag, lang in reversed(self.stack) if lang), "")
        self.pieces.append((lang, data.strip()))


def text_by_language(html):
    """[(language, text)] of every visible text of `html`, language as marked by the nearest lang attribute."""
    parser = _TextByLanguage()
    parser.feed(html)
    return parser.pieces


def japanese_outside_lang_ja(html):
    """The texts of an English page that contain Japanese words without being marked lang="ja"."""
    return [text for lang, text in text_by_language(html) if lang != "ja" and JAPANESE_RUN.search(text)]


def full_width_brackets_in_english(html):
    """The texts of an English page, outside lang="ja", that use full-width brackets or quotation marks."""
    return [text for lang, text in text_by_language(html) if lang != "ja" and FULL_WIDTH_BRACKETS.search(text)]


def notes_without_japanese(html):
    """The editorial and verification notes of a Japanese page that have no Japanese in them."""
    notes = re.findall(r'<aside class="notice verification-note"[^>]*>(.*?)</aside>', html, re.S)
    found = []
    for note in notes:
        text = re.sub(r'<p id="note-heading">.*?</p>|<span class="[^"]*marker">.*?</span>', "", note, flags=re.S)
        if not JAPANESE_RUN.search(re.sub(r"<[^>]+>", "", text)):
            found.append(note)
    return found


# --- Reader-facing fields ----------------------------------------------------------------------------------------

INTERNAL_PATTERNS = [
    re.compile(r"\b[\w-]+\.json\b"),
    re.compile(r"\bverified (?:true|false)\b", re.I),
    re.compile(r"\b(?:legal_basis|organisation_relations|plan_editions|deck_label)\b"),
    re.compile(r"\bshared/(?:seed|data)\b"),
]
SOURCE_FIELDS = ("title", "title_en", "publisher", "publisher_en")


def reader_facing_texts():
    """[(where, text)] of every content field readers see: the translated fields of every model, in both
    languages, and the titles and publishers of sources."""
    texts = []
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        columns = [f"{field}_{language}" for field in fields for language in ("ja", "en")]
        for row in model.objects.values("pk", *columns):
            for column in columns:
                if row[column]:
                    texts.append((f"{model._meta.label} #{row['pk']} {column}", row[column]))
    for row in apps.get_model("laws", "Source").objects.values("key", *SOURCE_FIELDS):
        texts.extend((f"laws.Source {row['key']} {field}", row[field]) for field in SOURCE_FIELDS if row[field])
    return texts


def _identifier_pattern():
    """A pattern of the record slugs and part keys that look like identifiers (with a digit or two hyphens), which
    a reader-facing text must never show; None when there are none."""
    names = set()
    for label in ("strategy.Document", "strategy.Organisation", "incidents.Incident"):
        names.update(apps.get_model(label).objects.values_list("slug", flat=True))
    names.update(apps.get_model("strategy.Node").objects.values_list("key", flat=True))
    names = {name for name in names if "-" in name and (re.search(r"\d", name) or name.count("-") >= 2)}
    if not names:
        return None
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w/-])({alternatives})(?![\w/-])")


def internal_identifiers():
    """[(where, identifier)] of file names, flags, field names, record slugs and part keys that reader-facing texts
    show."""
    patterns = list(INTERNAL_PATTERNS)
    if (slugs := _identifier_pattern()) is not None:
        patterns.append(slugs)
    problems = []
    for where, text in reader_facing_texts():
        for pattern in patterns:
            problems.extend((where, match.group(0)) for match in pattern.finditer(text))
    return problems


# --- Summaries and the links that mark a relation as interpretation ----------------------------------------------

CAUSAL_TYPES = {RelationType.PROMPTED, RelationType.RESPONDS_TO}
CAUSAL_PHRASES = re.compile(  # a policy step said to result from an event; "following" or "after" alone are not
    r"\bled to\b|\bleading to\b|\bprompted\b|\bin response to\b|\benacted after\b|\btriggered by\b|"
    r"\bas a result of\b|につながった|につながる|を受けた改正|を受けて改正|を受けて制定|を契機|契機となった",
    re.IGNORECASE,
)
SUMMARY_FIELDS = ("summary", "description", "body")


def _summaries(record):
    for field in SUMMARY_FIELDS:
        for language in ("ja", "en"):
            text = getattr(record, f"{field}_{language}", None)
            if text:
                yield f"{field}_{language}", text


def causal_claims_without_stated_link(edges):
    """[(record key, field, phrase)] where a record's summary, description or body states a cause ("led to",
    "prompted", "を受けて"…) although no causal link of the record is stated by its source: its causal links, if
    any, are all marked as this knowledge base's interpretation, which the text must then say too.

    edges: core.links Edges (policy_kb.relations.edges()).
    """
    stated = set()
    for edge in edges:
        if edge.relation_type in CAUSAL_TYPES and not edge.interpretation:
            stated.update((edge.source.key, edge.target.key))
    problems = []
    for kind, record in _every_record():
        key = kind.ref(record).key
        if key in stated:
            continue
        for field, text in _summaries(record):
            problems.extend((key, field, match.group(0)) for match in CAUSAL_PHRASES.finditer(text))
    return problems
