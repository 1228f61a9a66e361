"""The history tables follow the links from documents to other records, title origins and bilingual notes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('strategy', '0005_history_concurrency_drafts'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='historicalprovisionlink',
            options={'get_latest_by': ('history_date', 'history_id'), 'ordering': ('-history_date', '-history_id'), 'verbose_name': 'historical link from a document', 'verbose_name_plural': 'historical links from documents'},
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='note_en',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='note_ja',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_status',
            field=models.CharField(choices=[('document', 'as in the document'), ('cited', 'as another source names it'), ('supplied', 'supplied by this knowledge base'), ('translated', 'Japanese translated from the English version')], default='document', max_length=12, verbose_name='title from'),
        ),
        migrations.AddField(
            model_name='historicalnode',
            name='note_en',
            field=models.TextField(blank=True, null=True, verbose_name='editorial note'),
        ),
        migrations.AddField(
            model_name='historicalnode',
            name='note_ja',
            field=models.TextField(blank=True, null=True, verbose_name='editorial note'),
        ),
        migrations.AddField(
            model_name='historicalnode',
            name='title_status',
            field=models.CharField(choices=[('document', 'as in the document'), ('cited', 'as another source names it'), ('supplied', 'supplied by this knowledge base'), ('translated', 'Japanese translated from the English version')], default='document', max_length=12, verbose_name='title from'),
        ),
        migrations.AddField(
            model_name='historicalplanedition',
            name='note_en',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='historicalplanedition',
            name='note_ja',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='historicalprovisionlink',
            name='organisation',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='strategy.organisation', verbose_name='organisation'),
        ),
        migrations.AddField(
            model_name='historicalprovisionlink',
            name='sector',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='strategy.sector', verbose_name='sector'),
        ),
        migrations.AddField(
            model_name='historicalprovisionlink',
            name='target_document',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='strategy.document', verbose_name='document'),
        ),
        migrations.AddField(
            model_name='historicalprovisionlink',
            name='target_node',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='strategy.node', verbose_name='part of a document'),
        ),
        migrations.AddField(
            model_name='historicalsector',
            name='name_en_draft',
            field=models.BooleanField(default=False, help_text='The English name has not been checked against an official translation.', verbose_name='English name is a draft'),
        ),
        migrations.AlterField(
            model_name='historicaldocument',
            name='kind',
            field=models.CharField(choices=[('strategy', 'strategy'), ('hq_decision', 'headquarters decision'), ('action_plan', 'action plan'), ('roadmap', 'roadmap'), ('annual_report', 'annual report'), ('budget_policy', 'budget policy'), ('investigation_report', 'investigation report'), ('policy', 'policy'), ('amendment_overview', 'amendment overview'), ('concept', 'concept'), ('briefing', 'briefing'), ('standards', 'standards'), ('programme', 'programme')], max_length=30, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='historicaldocument',
            name='note',
            field=models.TextField(blank=True, verbose_name='verification note'),
        ),
        migrations.AlterField(
            model_name='historicalnode',
            name='note',
            field=models.TextField(blank=True, verbose_name='editorial note'),
        ),
        migrations.AlterField(
            model_name='historicalorganisationrelation',
            name='relation_type',
            field=models.CharField(choices=[('legal_basis', 'legal basis'), ('implements', 'implements'), ('revises', 'revises'), ('supersedes', 'supersedes'), ('amends', 'amends'), ('prompted', 'prompted'), ('investigated_under', 'investigated under'), ('illustrates_risk', 'illustrates the risk addressed by'), ('responds_to', 'responds to'), ('reports_to', 'reports to'), ('entrusts_to', 'entrusts work to'), ('cooperates_with', 'cooperates with'), ('may_recommend_to', 'may recommend to'), ('requests_cooperation_from', 'may request cooperation from'), ('provides_materials_to', 'provides materials to'), ('secretariat_of', 'secretariat of'), ('part_of', 'part of'), ('summarises', 'summarises'), ('related', 'related to')], max_length=40, verbose_name='relation'),
        ),
        migrations.AlterField(
            model_name='historicalplanedition',
            name='note',
            field=models.TextField(blank=True, verbose_name='verification note'),
        ),
        migrations.AlterField(
            model_name='historicalprovisionlink',
            name='relation_type',
            field=models.CharField(choices=[('legal_basis', 'legal basis'), ('implements', 'implements'), ('revises', 'revises'), ('supersedes', 'supersedes'), ('amends', 'amends'), ('prompted', 'prompted'), ('investigated_under', 'investigated under'), ('illustrates_risk', 'illustrates the risk addressed by'), ('responds_to', 'responds to'), ('reports_to', 'reports to'), ('entrusts_to', 'entrusts work to'), ('cooperates_with', 'cooperates with'), ('may_recommend_to', 'may recommend to'), ('requests_cooperation_from', 'may request cooperation from'), ('provides_materials_to', 'provides materials to'), ('secretariat_of', 'secretariat of'), ('part_of', 'part of'), ('summarises', 'summarises'), ('related', 'related to')], max_length=40, verbose_name='relation'),
        ),
    ]
