"""Incidents say whether their sectors are this knowledge base's mapping; figures may give an English unit for one."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('incidents', '0003_attack_type_position'),
    ]

    operations = [
        migrations.AddField(
            model_name='impactfigure',
            name='unit_en_singular',
            field=models.CharField(blank=True, help_text='The English unit when the value is exactly 1 (hour for hours); empty when it does not change.', max_length=100, verbose_name='English unit for one'),
        ),
        migrations.AddField(
            model_name='incident',
            name='sectors_interpretation',
            field=models.BooleanField(default=True, help_text="The sectors are this knowledge base's mapping of the incident onto Japan's critical infrastructure sectors, not stated by a source.", verbose_name='sectors are an interpretation'),
        ),
        migrations.AlterField(
            model_name='incidentlink',
            name='relation_type',
            field=models.CharField(choices=[('legal_basis', 'legal basis'), ('implements', 'implements'), ('revises', 'revises'), ('supersedes', 'supersedes'), ('amends', 'amends'), ('prompted', 'prompted'), ('investigated_under', 'investigated under'), ('illustrates_risk', 'illustrates the risk addressed by'), ('responds_to', 'responds to'), ('reports_to', 'reports to'), ('entrusts_to', 'entrusts work to'), ('cooperates_with', 'cooperates with'), ('may_recommend_to', 'may recommend to'), ('requests_cooperation_from', 'may request cooperation from'), ('provides_materials_to', 'provides materials to'), ('secretariat_of', 'secretariat of'), ('part_of', 'part of'), ('summarises', 'summarises'), ('related', 'related to')], max_length=40, verbose_name='relation'),
        ),
    ]
