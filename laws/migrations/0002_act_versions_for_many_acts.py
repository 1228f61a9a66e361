"""Acts carry their own short titles and versions their own periods; article numbers per version become rows.

The data steps are frozen here: they read the former columns as they were (ArticleIdentity.key was the number
in the version keyed "current", original_number the number in the version keyed "original").
"""

import django.db.models.deletion
from django.db import migrations, models


def number_rows(apps, schema_editor):
    ArticleIdentity = apps.get_model("laws", "ArticleIdentity")
    ArticleNumber = apps.get_model("laws", "ArticleNumber")
    Version = apps.get_model("laws", "Version")
    rows = []
    for version in Version.objects.all():
        for identity in ArticleIdentity.objects.filter(act_id=version.act_id):
            number = identity.key if version.key == "current" else identity.original_number if version.key == "original" else ""
            if number:
                rows.append(ArticleNumber(identity=identity, version=version, number=number))
    ArticleNumber.objects.bulk_create(rows)


def version_periods(apps, schema_editor):
    Version = apps.get_model("laws", "Version")
    by_act = {}
    for version in Version.objects.order_by("in_force_from"):
        by_act.setdefault(version.act_id, []).append(version)
    for versions in by_act.values():
        for version, following in zip(versions, [*versions[1:], None]):
            version.in_force_until = following.in_force_from if following else None
            version.save(update_fields=["in_force_until"])


class Migration(migrations.Migration):

    dependencies = [
        ('laws', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='act',
            options={'ordering': ['promulgated', 'slug'], 'verbose_name': 'act', 'verbose_name_plural': 'acts'},
        ),
        migrations.AddField(
            model_name='act',
            name='short_title',
            field=models.CharField(blank=True, help_text='The abbreviated title used when citing it (略称), e.g. 基本法; several separated by commas.', max_length=100, verbose_name='short title'),
        ),
        migrations.AddField(
            model_name='act',
            name='short_title_en',
            field=models.CharField(blank=True, help_text='The abbreviated title used when citing it (略称), e.g. 基本法; several separated by commas.', max_length=100, null=True, verbose_name='short title'),
        ),
        migrations.AddField(
            model_name='act',
            name='short_title_ja',
            field=models.CharField(blank=True, help_text='The abbreviated title used when citing it (略称), e.g. 基本法; several separated by commas.', max_length=100, null=True, verbose_name='short title'),
        ),
        migrations.AddField(
            model_name='version',
            name='in_force_until',
            field=models.DateField(blank=True, editable=False, help_text="The day the next version took over; empty for the latest. Derived from the versions' dates.", null=True, verbose_name='in force until'),
        ),
        migrations.AlterField(
            model_name='articleidentity',
            name='key',
            field=models.CharField(help_text="The article's number in the latest text of the act that has it.", max_length=20, verbose_name='key'),
        ),
        migrations.AlterField(
            model_name='version',
            name='key',
            field=models.SlugField(help_text='Short name in addresses: ?version=<key>.', max_length=20, verbose_name='key'),
        ),
        migrations.CreateModel(
            name='ArticleNumber',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(max_length=20, verbose_name='number')),
                ('identity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='numbers', to='laws.articleidentity')),
                ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='article_numbers', to='laws.version')),
            ],
            options={
                'verbose_name': 'article number',
                'verbose_name_plural': 'article numbers',
                'constraints': [models.UniqueConstraint(fields=('version', 'number'), name='article_number_unique_in_version'), models.UniqueConstraint(fields=('version', 'identity'), name='article_number_one_per_version')],
            },
        ),
        migrations.RunPython(number_rows, migrations.RunPython.noop),
        migrations.RunPython(version_periods, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='articleidentity',
            name='original_number',
        ),
    ]
