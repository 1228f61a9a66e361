"""One search across every record kind, the same on SQLite and PostgreSQL.

Text is normalised (NFKC, casefold, trailing katakana long-vowel marks dropped), Japanese runs are split
into overlapping two-character grams and Latin words are kept whole (text.py). Those tokens are stored
space-separated and indexed by the database (backends/: FTS5 on SQLite, a GIN-indexed tsvector on
PostgreSQL), so neither database parses Japanese itself. What is indexed comes from the record-kind
registry (index.py); queries find candidates through the token index and check them exactly (query.py).
"""

from .highlight import highlight
from .index import rebuild_index, reindex
from .query import Hit, find_hits, kind_order, with_entries
from .text import MAX_QUERY_LENGTH, clean_query, normalize, query_terms, tokens

__all__ = [
    "MAX_QUERY_LENGTH",
    "Hit",
    "clean_query",
    "find_hits",
    "highlight",
    "kind_order",
    "normalize",
    "query_terms",
    "rebuild_index",
    "reindex",
    "tokens",
    "with_entries",
]
