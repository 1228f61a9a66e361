"""Normalised copies of each entry's text, so a query's phrase check reads them instead of normalising rows."""

import re
import unicodedata

from django.db import migrations, models

# The search's normalisation as it was when this migration was written (frozen here: a migration imports no
# project code, so it replays the same whatever the code becomes).
_LONG_VOWEL_RE = re.compile(r"(?<=[\u30a1-\u30fa])ー+(?![\u30a1-\u30fa])")


def normalize(text):
    """NFKC, case-folded, without the long-vowel mark after katakana: ＧＳＯＣ → gsoc, サーバー → サーバ."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _LONG_VOWEL_RE.sub("", text)


def fill(apps, schema_editor):
    """Existing rows get their title and bodies normalised here; other names return with the next
    `rebuild_search_index` (which `load_kb` runs)."""
    SearchEntry = apps.get_model("policy_kb", "SearchEntry")
    rows = list(SearchEntry.objects.all())
    for row in rows:
        row.normalized_title = normalize(f"{row.title_ja}\n{row.title_en}")
        row.normalized_ja = normalize(row.body_ja)
        row.normalized_en = normalize(row.body_en)
    SearchEntry.objects.bulk_update(rows, ["normalized_title", "normalized_ja", "normalized_en"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("policy_kb", "0002_search_index")]

    operations = [
        migrations.AddField("searchentry", "normalized_title", models.TextField(blank=True)),
        migrations.AddField("searchentry", "normalized_ja", models.TextField(blank=True)),
        migrations.AddField("searchentry", "normalized_en", models.TextField(blank=True)),
        migrations.AddField("searchentry", "normalized_other", models.TextField(blank=True)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
