"""The database-specific half of the search index (see policy_kb/search.py)."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE policy_kb_search_fts USING fts5("
    "title_tokens, body_tokens, content='policy_kb_searchentry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS policy_kb_search_fts"]
POSTGRES_FORWARD = [
    "CREATE INDEX policy_kb_search_tokens_gin ON policy_kb_searchentry USING gin "
    "(array_to_tsvector(array_remove(string_to_array(title_tokens || ' ' || body_tokens, ' '), '')))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS policy_kb_search_tokens_gin"]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("policy_kb", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
