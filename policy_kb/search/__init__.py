"""One search across every record kind, the same on SQLite and PostgreSQL.

Text is normalised (NFKC, casefold, dashes after katakana read as ー, variant kanji folded, trailing katakana
long-vowel marks dropped); each Japanese character and each two-character gram of a Japanese run is a token,
and other words are kept whole (text.py, variants.py). Those tokens are stored
space-separated and indexed by the database (backends/: FTS5 on SQLite, a GIN-indexed tsvector on
PostgreSQL), so neither database parses Japanese itself. What is indexed comes from the record-kind
registry (index.py); queries find candidates through the token index and check them exactly (query.py, match.py).
"""

from .highlight import highlight
from .index import rebuild_index, reindex
from .query import Hit, find_any_hits, find_hits, kind_order, with_entries
from .text import MAX_QUERY_LENGTH, clean_query, normalize, query_terms, query_tokens, tokens

__all__ = [
    "MAX_QUERY_LENGTH",
    "Hit",
    "clean_query",
    "find_any_hits",
    "find_hits",
    "highlight",
    "kind_order",
    "normalize",
    "query_terms",
    "query_tokens",
    "rebuild_index",
    "reindex",
    "tokens",
    "with_entries",
]
