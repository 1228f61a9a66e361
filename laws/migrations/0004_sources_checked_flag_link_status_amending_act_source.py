"""Sources say what was seen of them (the document, a source citing it, or nothing) instead of a yes/no
"verified", carry an English title, a supplied-title flag and the last check of their address; amending acts
and versions cite a Source.

The data step is frozen here. It claims nothing the old flag did not prove: every existing source becomes
"not checked" (the old flag said an address was opened, which the notes often contradicted; the fixtures set
the new value on a fresh load), and an amending act's former source address becomes a link to the Source with
that address, created when missing.
"""

import django.db.models.deletion
from django.db import migrations, models


def link_amending_act_sources(apps, schema_editor):
    AmendingAct = apps.get_model("laws", "AmendingAct")
    Source = apps.get_model("laws", "Source")
    for amending_act in AmendingAct.objects.exclude(source_url=""):
        source = Source.objects.filter(url=amending_act.source_url).order_by("pk").first()
        if source is None:
            source = Source.objects.create(
                key=f"amending-act-{amending_act.pk}-source",
                url=amending_act.source_url,
                title=amending_act.source_title or amending_act.source_url,
            )
        amending_act.source = source
        amending_act.save(update_fields=["source"])


class Migration(migrations.Migration):

    dependencies = [
        ('laws', '0003_provision_commencements'),
    ]

    operations = [
        migrations.AddField(
            model_name='amendingact',
            name='source',
            field=models.ForeignKey(blank=True, help_text='Where its law number, title and dates were read.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='amending_acts', to='laws.source', verbose_name='source'),
        ),
        migrations.AddField(
            model_name='source',
            name='checked',
            field=models.CharField(choices=[('seen', 'seen in the document'), ('cited', 'cited by a source seen'), ('unchecked', 'not checked')], default='unchecked', help_text='Seen in the document (the original or a stored copy), cited by a source seen, or not checked.', max_length=10, verbose_name='checked'),
        ),
        migrations.AddField(
            model_name='source',
            name='cited_by',
            field=models.ForeignKey(blank=True, help_text='For a source known only because another source cites it: that source.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cites', to='laws.source', verbose_name='cited by'),
        ),
        migrations.AddField(
            model_name='source',
            name='link_checked_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='address last checked'),
        ),
        migrations.AddField(
            model_name='source',
            name='link_error',
            field=models.CharField(blank=True, editable=False, max_length=300, verbose_name='error'),
        ),
        migrations.AddField(
            model_name='source',
            name='link_final_url',
            field=models.CharField(blank=True, editable=False, max_length=500, verbose_name='address after redirects'),
        ),
        migrations.AddField(
            model_name='source',
            name='link_http_status',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name='HTTP status'),
        ),
        migrations.AddField(
            model_name='source',
            name='link_status',
            field=models.CharField(choices=[('unchecked', 'address not checked yet'), ('ok', 'address answers'), ('redirected', 'address redirects'), ('broken', 'address broken'), ('unreachable', 'address unreachable')], default='unchecked', editable=False, max_length=12, verbose_name='address status'),
        ),
        migrations.AddField(
            model_name='source',
            name='publisher_en',
            field=models.CharField(blank=True, help_text='For a publisher not named in English.', max_length=200, verbose_name='publisher in English'),
        ),
        migrations.AddField(
            model_name='source',
            name='title_en',
            field=models.CharField(blank=True, help_text='A provisional translation, for a document not in English.', max_length=400, verbose_name='title in English'),
        ),
        migrations.AddField(
            model_name='source',
            name='title_supplied',
            field=models.BooleanField(default=False, help_text="The title describes the document in this knowledge base's words: its own title is not known.", verbose_name='title supplied'),
        ),
        migrations.AddField(
            model_name='version',
            name='source',
            field=models.ForeignKey(blank=True, help_text='The document this text was taken from.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='laws.source', verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='source',
            name='publisher',
            field=models.CharField(blank=True, help_text='As the source names it.', max_length=200, verbose_name='publisher'),
        ),
        migrations.AlterField(
            model_name='source',
            name='title',
            field=models.CharField(help_text='As the document gives it, in its language.', max_length=400, verbose_name='title'),
        ),
        migrations.RunPython(link_amending_act_sources, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='amendingact',
            name='source_title',
        ),
        migrations.RemoveField(
            model_name='amendingact',
            name='source_url',
        ),
        migrations.RemoveField(
            model_name='amendingact',
            name='verified',
        ),
        migrations.RemoveField(
            model_name='source',
            name='verified',
        ),
    ]
