"""The chart of incidents per year by attack type: an SVG that does not rely on colour, and its table."""

import re

import pytest

from incidents.models import AttackType, Incident

from .helpers import main_html

pytestmark = pytest.mark.django_db


def table_cells(html):
    table = re.search(r'<table class="chart-table" id="chart-data">(.*?)</table>', html, re.S).group(1)
    columns = re.findall(r'<th scope="col" data-attack-type="([^"]+)">', table)
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(\d{4})</th>(.*?)</tr>", table, re.S):
        year, cells = row
        rows[int(year)] = [int(n) for n in re.findall(r"<td>(?:<a [^>]+>)?(\d+)(?:</a>)?</td>", cells)]
    return table, columns, rows


def relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_table_counts_equal_the_database_counts(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/chart/"))
    _table, columns, rows = table_cells(html)
    roots = list(AttackType.objects.filter(parent__isnull=True))
    assert sorted(columns) == sorted(root.slug for root in roots)
    years = Incident.objects.dates("start_date", "year")
    assert min(rows) == years.first().year and max(rows) == years.last().year
    assert list(rows) == list(range(min(rows), max(rows) + 1))  # years without incidents are rows of zeros
    for year, cells in rows.items():
        assert len(cells) == len(columns) + 1
        for slug, shown in zip(columns, cells, strict=False):
            root = AttackType.objects.get(slug=slug)
            expected = (
                Incident.objects.filter(start_date__year=year, attack_types__in=root.get_descendants(include_self=True))
                .distinct()
                .count()
            )
            assert shown == expected, (year, slug)
        assert cells[-1] == Incident.objects.filter(start_date__year=year).count()
    assert sum(cells[-1] for cells in rows.values()) == Incident.objects.count()


def test_the_bars_carry_their_counts_as_text(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/chart/"))
    _table, _columns, rows = table_cells(html)
    bars = re.findall(r'<g class="chart-bar">(.*?)</g>', html, re.S)
    assert len(bars) == len(rows)
    for bar, (year, cells) in zip(bars, rows.items(), strict=True):
        labels = [int(n) for n in re.findall(r'class="segment-count">(\d+)<', bar)]
        assert labels == [n for n in cells[:-1] if n], year
        assert f">{year}</text>" in bar


def test_the_svg_is_labelled_and_has_a_legend_and_patterns(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/chart/"))
    svg = re.search(r"<svg [^>]*role=\"img\"[^>]*>", html).group(0)
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    for element_id in labelled_by:
        assert f'id="{element_id}"' in html
    assert "<caption>" in html
    roots = AttackType.objects.filter(parent__isnull=True)
    legend = re.search(r'<ul class="chart-legend">(.*?)</ul>', html, re.S).group(1)
    for root in roots:
        assert (root.name_en if lang == "en" else root.name_ja) in legend
        assert f'fill="url(#pattern-{root.slug})"' in legend
    patterns = re.findall(r'<pattern id="pattern-[^"]+"[^>]*>(.*?)</pattern>', html, re.S)
    assert len(patterns) == roots.count()
    # Not colour alone: no two series share both colour and pattern.
    assert len(set(patterns)) == len(patterns)


def test_series_colours_have_three_to_one_contrast_with_white(client, kb):
    html = main_html(client.get("/en/incidents/chart/"))
    colours = re.findall(r'<pattern id="pattern-[^"]+"[^>]*>\s*<rect width="8" height="8" fill="(#[0-9a-f]{6})"', html)
    assert colours
    for colour in colours:
        ratio = (1 + 0.05) / (relative_luminance(colour) + 0.05)
        assert ratio >= 3, colour


def test_the_table_links_to_the_filtered_list(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/chart/"))
    assert f'href="/{lang}/incidents/?year=2011&amp;attack_type=malware"' in html
    assert f'href="/{lang}/incidents/"' in html
