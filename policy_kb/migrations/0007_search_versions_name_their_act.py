"""Search entries of provisions name their version with its act ("<act slug>:<version key>") and label it
with the act's title, since each act names its own versions."""

from django.db import migrations, models


def qualify(apps, schema_editor):
    """Rewrite the version name and labels of every provision entry from its version row (the object key
    of a provision entry is "<version id>:<provision id>")."""
    SearchEntry = apps.get_model("policy_kb", "SearchEntry")
    Version = apps.get_model("laws", "Version")
    versions = {v.pk: v for v in Version.objects.select_related("act")}
    for entry in SearchEntry.objects.filter(kind="provision").exclude(version=""):
        version = versions.get(int(entry.object_key.partition(":")[0]))
        if version is None:
            continue
        act = version.act
        entry.version = f"{act.slug}:{version.key}"
        entry.version_label_ja = f"{act.title_ja} · {version.label_ja}"
        entry.version_label_en = f"{act.title_en or act.title_ja} · {version.label_en or version.label_ja}"
        entry.save(update_fields=["version", "version_label_ja", "version_label_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("laws", "0006_history_follows_checked_sources"),
        ("policy_kb", "0006_redirects_of_renamed_records"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="version",
            field=models.CharField(blank=True, max_length=80),
        ),
        migrations.RunPython(qualify, migrations.RunPython.noop),
    ]
