"""PostgreSQL: a stored tsvector column of the entries' tokens with a GIN index (migration 0004)."""


def candidates_sql(token_groups):
    """(sql, params) selecting the ids of entries whose tokens include every token of at least one of
    `token_groups` (a list of lists of tokens)."""
    match = " | ".join(
        "(" + " & ".join("'" + token.replace("\\", "\\\\").replace("'", "''") + "'" for token in group) + ")"
        for group in token_groups
    )
    # token_vector: a stored generated column with a GIN index, unknown to the model.
    return "SELECT id FROM policy_kb_searchentry WHERE token_vector @@ %s::tsquery", [match]


def refresh():
    """Nothing to do: the generated column follows every write."""
