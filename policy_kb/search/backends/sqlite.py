"""SQLite: an FTS5 table (unicode61 tokenizer) over the entries' token columns, external content (migration 0002)."""

from django.db import connection


def candidates_sql(token_groups):
    """(sql, params) selecting the ids of entries whose tokens include every token of at least one of
    `token_groups` (a list of lists of tokens)."""
    match = " OR ".join(
        "(" + " AND ".join('"' + token.replace('"', '""') + '"' for token in group) + ")" for group in token_groups
    )
    return "SELECT rowid FROM policy_kb_search_fts WHERE policy_kb_search_fts MATCH %s", [match]


def refresh():
    """Bring the FTS5 index in step with the entries table (external content tables are not updated by writes)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO policy_kb_search_fts(policy_kb_search_fts) VALUES('rebuild')")
