"""Querying the search index: candidates from the database's token index, then an exact check in Python.

The index finds the entries that hold every token of the query; a check of each term on the normalised text
then keeps only true matches (監査 never matches 監 + 査 far apart; Latin words whole; a quoted phrase in order).
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models.expressions import RawSQL

from core.records import registry
from policy_kb.models import SearchEntry

from .backends import backend
from .highlight import highlight
from .match import Matcher
from .text import query_terms, query_tokens


def kind_order():
    """The index kinds in display order ("provision", "document", …), from the record-kind registry."""
    return [kind.search.kind for kind in registry.searched()]


def candidates(token_groups):
    """Entries whose title or body holds every token of one of `token_groups` (lists of tokens), selected by
    the database's own index in a subquery (so no list of ids, however long, passes through Python)."""
    sql, params = backend().candidates_sql(token_groups)
    return SearchEntry.objects.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (fixed SQL, the match is a parameter)


def matcher(term):
    """A test for one normalised term in normalised text (see match.Matcher): Japanese terms match anywhere,
    Latin words and numbers whole, phrases in order."""
    return Matcher(term).found


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


def _tokens_of(terms):
    return list(dict.fromkeys(token for term in terms for token in query_tokens(term)))


def _ranked(hits):
    ranks = {kind: rank for rank, kind in enumerate(kind_order())}
    for hit in hits:
        hit.kind_rank = ranks.get(hit.kind, len(ranks))
    hits.sort(key=lambda hit: hit.rank)
    return hits


def find_hits(query):
    """(hits, terms): every entry matching all the query's terms, ranked, without their full rows."""
    terms = query_terms(query)
    if not terms:
        return [], terms
    rows = candidates([_tokens_of(terms)]).values_list(*_MATCH_COLUMNS)
    matchers = [matcher(term) for term in terms]
    return _ranked([hit for row in rows if (hit := match(row, terms, matchers))]), terms


def find_any_hits(queries):
    """Every entry matching at least one of `queries` (each as find_hits reads it), ranked, in one query of
    the index. A hit's `terms` are those of the first query it matches. Returns a list of Hit."""
    groups = [terms for terms in (query_terms(query) for query in queries) if terms]
    if not groups:
        return []
    rows = candidates([_tokens_of(terms) for terms in groups]).values_list(*_MATCH_COLUMNS)
    checks = [(terms, [matcher(term) for term in terms]) for terms in groups]
    hits = []
    for row in rows:
        hit = next((hit for terms, matchers in checks if (hit := match(row, terms, matchers))), None)
        if hit:
            hits.append(hit)
    return _ranked(hits)


def with_entries(hits):
    """Load the full rows of these hits in one query (a page's worth, typically)."""
    entries = SearchEntry.objects.defer("title_tokens", "body_tokens").in_bulk([hit.pk for hit in hits])
    for hit in hits:
        hit.entry = entries[hit.pk]
    return hits
