"""The incident list: filters in the URL, combined, kept in the form and across the language switch."""

import datetime
import re
from types import SimpleNamespace

import pytest

from incidents.models import Incident
from tests.factories import AttackTypeFactory, CountryFactory, IncidentFactory, SectorFactory

from .helpers import element_by_id, filter_notice_names, incident_slugs, language_switch, main_html

pytestmark = pytest.mark.django_db
D = datetime.date


def slugs(queryset):
    return list(queryset.order_by("start_date", "slug").values_list("slug", flat=True).distinct())


def test_lists_every_incident_with_date_countries_types_and_deck(client, kb, lang):
    response = client.get(f"/{lang}/incidents/")
    assert response.status_code == 200
    html = main_html(response)
    assert incident_slugs(html) == slugs(Incident.objects.all())
    count = element_by_id(html, "result-count", "p")
    assert re.search(rf'id="result-count">{Incident.objects.count()}\D', count)
    item = element_by_id(html, "incident-mhi-2011", "li")
    assert {"ja": "2011年8月11日（平成23年）", "en": "11 August 2011"}[lang] in item
    assert {"ja": "日本", "en": "Japan"}[lang] in item
    assert {"ja": "マルウェア", "en": "Malware"}[lang] in item
    assert '<q lang="ja">重工業・国会へのサイバー攻撃(2011年秋）</q>' in item
    assert f'href="/{lang}/incidents/mhi-2011/"' in item


@pytest.fixture
def few():
    """Four incidents in two countries, under attack types and a sector that the real content does not use."""
    here, there = CountryFactory(), CountryFactory()
    malware = AttackTypeFactory()
    wiper = AttackTypeFactory(parent=malware)  # a sub-type of malware
    ddos = AttackTypeFactory()
    grid = SectorFactory()
    return SimpleNamespace(
        here=here,
        there=there,
        malware=malware,
        wiper=wiper,
        ddos=ddos,
        grid=grid,
        a=IncidentFactory(start_date=D(2015, 3, 1), countries=[here], attack_types=[malware], sectors=[grid]),
        b=IncidentFactory(start_date=D(2015, 9, 1), countries=[there], attack_types=[wiper]),
        c=IncidentFactory(start_date=D(2016, 2, 1), countries=[here], attack_types=[ddos], sectors=[grid]),
        d=IncidentFactory(start_date=D(2016, 5, 1), countries=[there], attack_types=[ddos]),
    )


def listed(client, lang, **params):
    return incident_slugs(main_html(client.get(f"/{lang}/incidents/", params)))


def test_filters_combine(client, lang, few):
    by_year = listed(client, lang, year=2015)
    by_country = listed(client, lang, country=few.here.code)
    both = listed(client, lang, year=2015, country=few.here.code)
    assert by_year == slugs(Incident.objects.filter(start_date__year=2015))
    assert {few.a.slug, few.b.slug} <= set(by_year) and few.c.slug not in by_year
    assert by_country == [few.a.slug, few.c.slug]
    assert both == [slug for slug in by_year if slug in by_country]
    assert both == [few.a.slug]


def test_attack_type_includes_its_sub_types(client, lang, few):
    # b is tagged only with wiper, a sub-type of malware, and is still found under malware.
    assert listed(client, lang, attack_type=few.malware.slug) == [few.a.slug, few.b.slug]
    assert listed(client, lang, attack_type=few.wiper.slug) == [few.b.slug]


def test_sector_and_attack_type_combine(client, lang, few):
    assert listed(client, lang, sector=few.grid.slug) == [few.a.slug, few.c.slug]
    assert listed(client, lang, attack_type=few.ddos.slug) == [few.c.slug, few.d.slug]
    assert listed(client, lang, sector=few.grid.slug, attack_type=few.ddos.slug) == [few.c.slug]


def test_a_year_without_incidents_is_valid_and_empty(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/", {"year": 2009}))
    assert incident_slugs(html) == []
    assert "filter-notice" not in html
    assert re.search(r'id="result-count">0\D', element_by_id(html, "result-count", "p"))


def test_the_form_keeps_the_chosen_values(client, lang, few):
    params = {"year": 2016, "country": few.here.code, "attack_type": few.ddos.slug, "sector": few.grid.slug}
    html = main_html(client.get(f"/{lang}/incidents/", params))
    assert '<option value="2016" selected>' in html
    assert f'<option value="{few.here.code}" selected>' in html
    assert f'<option value="{few.ddos.slug}" selected>' in html
    assert f'<option value="{few.grid.slug}" selected>' in html
    assert incident_slugs(html) == [few.c.slug]


def test_filters_survive_the_language_switch(client, kb):
    ja = client.get("/ja/incidents/?year=2015&country=JP").content.decode()
    switch = language_switch(ja, "en")
    assert switch == "/en/incidents/?year=2015&country=JP"
    en = main_html(client.get(switch))
    assert incident_slugs(en) == incident_slugs(main_html(client.get("/ja/incidents/?year=2015&country=JP")))
    assert '<option value="2015" selected>' in en and '<option value="JP" selected>' in en
    back = language_switch(client.get(switch).content.decode(), "ja")
    assert back == "/ja/incidents/?year=2015&country=JP"


def test_the_list_links_to_the_chart_and_the_timeline(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/"))
    assert f'href="/{lang}/incidents/chart/"' in html
    assert f'href="/{lang}/timeline/"' in html


# --- Bad input: the filter is set aside, the page says so and names the value, never a 500 ---------


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"year": "abc"}, "“abc”"),
        ({"year": "99999"}, "“99999”"),
        ({"year": "1999"}, "“1999”"),
        ({"country": "<script>"}, "“&lt;script&gt;”"),
        ({"country": "jp"}, "“jp”"),
        ({"attack_type": "nonexistent"}, "“nonexistent”"),
        ({"sector": "\x00"}, "“\N{REPLACEMENT CHARACTER}”"),
    ],
)
def test_a_bad_filter_value_is_ignored_with_a_notice_naming_it(client, kb, lang, params, shown):
    response = client.get(f"/{lang}/incidents/", params)
    assert response.status_code == 200
    html = main_html(response)
    assert filter_notice_names(html, shown)
    assert "<script>" not in html
    assert incident_slugs(html) == slugs(Incident.objects.all())  # the bad filter did not filter
    assert not re.search(r'<option value="[^"]+" selected', html)  # the form shows the filter as unset


def test_the_good_filters_still_apply_next_to_a_bad_one(client, kb, lang):
    response = client.get(f"/{lang}/incidents/", {"year": "2015", "country": "<script>", "sector": "%00"})
    html = main_html(response)
    assert response.status_code == 200
    assert incident_slugs(html) == slugs(Incident.objects.filter(start_date__year=2015))
    notice = element_by_id(html, "filter-notice", "div")
    assert notice.count("<li>") == 2
    assert '<option value="2015" selected>' in html


def test_a_raw_null_byte_in_the_query_string_is_not_a_500(client, kb, lang):
    response = client.get(f"/{lang}/incidents/?sector=%00&year=abc&country=%3Cscript%3E&attack_type=nonexistent")
    assert response.status_code == 200
    assert element_by_id(main_html(response), "filter-notice", "div").count("<li>") == 4
