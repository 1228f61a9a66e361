"""Querying the search index: candidates from the database's token index, then an exact check in Python.

The index finds the entries that hold every token of the query; a phrase check on the normalised text then
keeps only true matches (監査 never matches 監 + 査 far apart), Latin terms as whole words.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models.expressions import RawSQL

from core.records import registry
from policy_kb.models import SearchEntry

from .backends import backend
from .highlight import highlight
from .text import CJK_RE, query_terms, tokens


def kind_order():
    """The index kinds in display order ("provision", "document", …), from the record-kind registry."""
    return [kind.search.kind for kind in registry.searched()]


def candidates(all_tokens):
    """Entries whose title or body holds every token, selected by the database's own index in a subquery
    (so no list of ids, however long, passes through Python)."""
    sql, params = backend().candidates_sql(all_tokens)
    return SearchEntry.objects.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (fixed SQL, the match is a parameter)


def _is_word_char(char):
    return "0" <= char <= "9" or "a" <= char <= "z"


def matcher(term):
    """A test for one normalised term in normalised text: Japanese (and other non-ASCII) terms match anywhere,
    ASCII terms whole words only. A substring search with a look at the neighbours is several times faster
    than a regex on long bodies."""
    if CJK_RE.search(term) or not term.isascii():
        return lambda text: term in text

    def whole_word(text):
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if (start == 0 or not _is_word_char(text[start - 1])) and (
                end == len(text) or not _is_word_char(text[end])
            ):
                return True
            start = text.find(term, start + 1)
        return False

    return whole_word


def _term_matches(term, text_normalized):
    return matcher(term)(text_normalized)


_MATCH_COLUMNS = (
    "pk",
    "kind",
    "version",
    "superseded",
    "version_label_ja",
    "version_label_en",
    "year",
    "normalized_title",
    "normalized_ja",
    "normalized_en",
    "normalized_other",
)


@dataclass
class Hit:
    """One matching entry. Ranking and facets need only the fields here; `entry` (the full row, for the
    title, link and snippet) is loaded by with_entries() for the hits a page shows."""

    pk: int
    kind: str
    version: str
    superseded: bool
    version_label_ja: str
    version_label_en: str
    year: int | None
    terms: list
    in_title: bool
    exact: bool = False
    kind_rank: int = 0
    entry: SearchEntry | None = None

    @property
    def rank(self):
        """Exact title first, then title matches, then body matches; the current text before the original."""
        tier = 0 if self.exact else (1 if self.in_title else 2)
        return (tier, self.kind_rank, self.superseded, self.pk)

    @cached_property
    def language(self):
        """The language of the snippet: English when only the English body matches."""
        in_english = any(_term_matches(term, self.entry.normalized_en) for term in self.terms)
        in_japanese = any(_term_matches(term, self.entry.normalized_ja) for term in self.terms)
        return "en" if in_english and not in_japanese else "ja"

    @cached_property
    def snippet(self):
        body = self.entry.body_en if self.language == "en" else self.entry.body_ja
        return highlight(body or self.entry.title_ja, self.terms)


def match(row, terms, matchers):
    """A Hit when every term occurs in the row's normalised text (whole words for Latin terms), else None."""
    pk, kind, version, superseded, label_ja, label_en, year, title, *texts = row
    in_title = [found(title) for found in matchers]
    if not all(here or any(found(text) for text in texts) for here, found in zip(in_title, matchers, strict=True)):
        return None
    exact = " ".join(terms) in [line.strip() for line in title.split("\n")]
    return Hit(pk, kind, version, superseded, label_ja, label_en, year, terms, in_title=all(in_title), exact=exact)


def find_hits(query):
    """(hits, terms): every entry matching all the query's terms, ranked, without their full rows."""
    terms = query_terms(query)
    if not terms:
        return [], terms
    all_tokens = list(dict.fromkeys(token for term in terms for token in tokens(term)))
    rows = candidates(all_tokens).values_list(*_MATCH_COLUMNS)
    matchers = [matcher(term) for term in terms]
    hits = [hit for row in rows if (hit := match(row, terms, matchers))]
    ranks = {kind: rank for rank, kind in enumerate(kind_order())}
    for hit in hits:
        hit.kind_rank = ranks.get(hit.kind, len(ranks))
    hits.sort(key=lambda hit: hit.rank)
    return hits, terms


def with_entries(hits):
    """Load the full rows of these hits in one query (a page's worth, typically)."""
    entries = SearchEntry.objects.defer("title_tokens", "body_tokens").in_bulk([hit.pk for hit in hits])
    for hit in hits:
        hit.entry = entries[hit.pk]
    return hits
