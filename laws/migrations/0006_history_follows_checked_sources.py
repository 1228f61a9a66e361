"""The history tables follow the checked sources: what was seen of a source, its address check, its English title."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('laws', '0005_history_concurrency_drafts'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalamendingact',
            name='source_title',
        ),
        migrations.RemoveField(
            model_name='historicalamendingact',
            name='source_url',
        ),
        migrations.RemoveField(
            model_name='historicalamendingact',
            name='verified',
        ),
        migrations.RemoveField(
            model_name='historicalsource',
            name='verified',
        ),
        migrations.AddField(
            model_name='historicalamendingact',
            name='source',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Where its law number, title and dates were read.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='laws.source', verbose_name='source'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='checked',
            field=models.CharField(choices=[('seen', 'seen in the document'), ('cited', 'cited by a source seen'), ('unchecked', 'not checked')], default='unchecked', help_text='Seen in the document (the original or a stored copy), cited by a source seen, or not checked.', max_length=10, verbose_name='checked'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='cited_by',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='For a source known only because another source cites it: that source.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='laws.source', verbose_name='cited by'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='link_checked_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='address last checked'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='link_error',
            field=models.CharField(blank=True, editable=False, max_length=300, verbose_name='error'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='link_final_url',
            field=models.CharField(blank=True, editable=False, max_length=500, verbose_name='address after redirects'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='link_http_status',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name='HTTP status'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='link_status',
            field=models.CharField(choices=[('unchecked', 'address not checked yet'), ('ok', 'address answers'), ('redirected', 'address redirects'), ('broken', 'address broken'), ('unreachable', 'address unreachable')], default='unchecked', editable=False, max_length=12, verbose_name='address status'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='publisher_en',
            field=models.CharField(blank=True, help_text='For a publisher not named in English.', max_length=200, verbose_name='publisher in English'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='title_en',
            field=models.CharField(blank=True, help_text='A provisional translation, for a document not in English.', max_length=400, verbose_name='title in English'),
        ),
        migrations.AddField(
            model_name='historicalsource',
            name='title_supplied',
            field=models.BooleanField(default=False, help_text="The title describes the document in this knowledge base's words: its own title is not known.", verbose_name='title supplied'),
        ),
        migrations.AddField(
            model_name='historicalversion',
            name='source',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The document this text was taken from.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='laws.source', verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='publisher',
            field=models.CharField(blank=True, help_text='As the source names it.', max_length=200, verbose_name='publisher'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='title',
            field=models.CharField(help_text='As the document gives it, in its language.', max_length=400, verbose_name='title'),
        ),
    ]
