"""A document's links reach organisations, sectors and other documents or parts as well as provisions;
organisations and plan editions carry sources; editorial and verification notes get a Japanese and an English
column; titles say where they come from; sectors mark a draft English name.

The data step is frozen here: the notes written so far were English, so they move to the English column.
"""

import django.db.models.deletion
from django.db import migrations, models


def english_notes(apps, schema_editor):
    for name in ("Document", "Node", "PlanEdition"):
        model = apps.get_model("strategy", name)
        for row in model.objects.exclude(note=""):
            row.note_en = row.note
            row.save(update_fields=["note_en"])


class Migration(migrations.Migration):

    dependencies = [
        ('laws', '0004_sources_checked_flag_link_status_amending_act_source'),
        ('strategy', '0003_typed_link_evidence_related_name'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='provisionlink',
            options={'ordering': ['document__slug', 'id'], 'verbose_name': 'link from a document', 'verbose_name_plural': 'links from documents'},
        ),
        migrations.AddField(
            model_name='document',
            name='note_en',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='document',
            name='note_ja',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_status',
            field=models.CharField(choices=[('document', 'as in the document'), ('cited', 'as another source names it'), ('supplied', 'supplied by this knowledge base'), ('translated', 'Japanese translated from the English version')], default='document', max_length=12, verbose_name='title from'),
        ),
        migrations.AddField(
            model_name='node',
            name='note_en',
            field=models.TextField(blank=True, null=True, verbose_name='editorial note'),
        ),
        migrations.AddField(
            model_name='node',
            name='note_ja',
            field=models.TextField(blank=True, null=True, verbose_name='editorial note'),
        ),
        migrations.AddField(
            model_name='node',
            name='title_status',
            field=models.CharField(choices=[('document', 'as in the document'), ('cited', 'as another source names it'), ('supplied', 'supplied by this knowledge base'), ('translated', 'Japanese translated from the English version')], default='document', max_length=12, verbose_name='title from'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='sources',
            field=models.ManyToManyField(blank=True, related_name='organisations', to='laws.source'),
        ),
        migrations.AddField(
            model_name='planedition',
            name='note_en',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='planedition',
            name='note_ja',
            field=models.TextField(blank=True, null=True, verbose_name='verification note'),
        ),
        migrations.AddField(
            model_name='planedition',
            name='sources',
            field=models.ManyToManyField(blank=True, related_name='plan_editions', to='laws.source'),
        ),
        migrations.AddField(
            model_name='provisionlink',
            name='organisation',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='document_links', to='strategy.organisation', verbose_name='organisation'),
        ),
        migrations.AddField(
            model_name='provisionlink',
            name='sector',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='document_links', to='strategy.sector', verbose_name='sector'),
        ),
        migrations.AddField(
            model_name='provisionlink',
            name='target_document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='document_links_in', to='strategy.document', verbose_name='document'),
        ),
        migrations.AddField(
            model_name='provisionlink',
            name='target_node',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='document_links_in', to='strategy.node', verbose_name='part of a document'),
        ),
        migrations.AddField(
            model_name='sector',
            name='name_en_draft',
            field=models.BooleanField(default=False, help_text='The English name has not been checked against an official translation.', verbose_name='English name is a draft'),
        ),
        migrations.AlterField(
            model_name='document',
            name='kind',
            field=models.CharField(choices=[('strategy', 'strategy'), ('hq_decision', 'headquarters decision'), ('action_plan', 'action plan'), ('roadmap', 'roadmap'), ('annual_report', 'annual report'), ('budget_policy', 'budget policy'), ('investigation_report', 'investigation report'), ('policy', 'policy'), ('amendment_overview', 'amendment overview'), ('concept', 'concept'), ('briefing', 'briefing'), ('standards', 'standards'), ('programme', 'programme')], max_length=30, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='document',
            name='note',
            field=models.TextField(blank=True, verbose_name='verification note'),
        ),
        migrations.AlterField(
            model_name='node',
            name='note',
            field=models.TextField(blank=True, verbose_name='editorial note'),
        ),
        migrations.AlterField(
            model_name='planedition',
            name='note',
            field=models.TextField(blank=True, verbose_name='verification note'),
        ),
        migrations.AddConstraint(
            model_name='provisionlink',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('identity__isnull', False), ('organisation__isnull', True), ('sector__isnull', True), ('target_document__isnull', True), ('target_node__isnull', True)), models.Q(('identity__isnull', True), ('organisation__isnull', False), ('sector__isnull', True), ('target_document__isnull', True), ('target_node__isnull', True)), models.Q(('identity__isnull', True), ('organisation__isnull', True), ('sector__isnull', False), ('target_document__isnull', True), ('target_node__isnull', True)), models.Q(('identity__isnull', True), ('organisation__isnull', True), ('sector__isnull', True), ('target_document__isnull', False)), _connector='OR'), name='document_link_one_target'),
        ),
        migrations.RunPython(english_notes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='organisationrelation',
            name='relation_type',
            field=models.CharField(choices=[('legal_basis', 'legal basis'), ('implements', 'implements'), ('revises', 'revises'), ('supersedes', 'supersedes'), ('amends', 'amends'), ('prompted', 'prompted'), ('investigated_under', 'investigated under'), ('illustrates_risk', 'illustrates the risk addressed by'), ('responds_to', 'responds to'), ('reports_to', 'reports to'), ('entrusts_to', 'entrusts work to'), ('cooperates_with', 'cooperates with'), ('may_recommend_to', 'may recommend to'), ('requests_cooperation_from', 'may request cooperation from'), ('provides_materials_to', 'provides materials to'), ('secretariat_of', 'secretariat of'), ('part_of', 'part of'), ('summarises', 'summarises'), ('related', 'related to')], max_length=40, verbose_name='relation'),
        ),
        migrations.AlterField(
            model_name='provisionlink',
            name='relation_type',
            field=models.CharField(choices=[('legal_basis', 'legal basis'), ('implements', 'implements'), ('revises', 'revises'), ('supersedes', 'supersedes'), ('amends', 'amends'), ('prompted', 'prompted'), ('investigated_under', 'investigated under'), ('illustrates_risk', 'illustrates the risk addressed by'), ('responds_to', 'responds to'), ('reports_to', 'reports to'), ('entrusts_to', 'entrusts work to'), ('cooperates_with', 'cooperates with'), ('may_recommend_to', 'may recommend to'), ('requests_cooperation_from', 'may request cooperation from'), ('provides_materials_to', 'provides materials to'), ('secretariat_of', 'secretariat of'), ('part_of', 'part of'), ('summarises', 'summarises'), ('related', 'related to')], max_length=40, verbose_name='relation'),
        ),
    ]
