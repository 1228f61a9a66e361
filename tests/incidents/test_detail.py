"""One incident: facts with their precision and sources, typed links, and the policy that followed."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils.html import escape

from core.dates import DatePrecision
from core.i18n import localized
from incidents.models import ImpactFigure, Incident
from incidents.selectors import add_years
from laws.models import Act, AmendingAct, Source
from strategy.models import Document
from tests.factories import AttackTypeFactory, CountryFactory, IncidentFactory, SectorFactory, SourceFactory

from .helpers import element_by_id, main_html

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    match = re.search(rf'<section (?:class="[^"]*" )?aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert match, heading_id
    return match.group(1)


def test_every_incident_page_answers_in_both_languages(client, kb, lang):
    for incident in Incident.objects.all():
        response = client.get(f"/{lang}/incidents/{incident.slug}/")
        assert response.status_code == 200, incident.slug
        html = response.content.decode()
        title = incident.title_en if lang == "en" and incident.title_en else incident.title_ja
        assert f"<h1>{escape(title)}</h1>" in html
        assert 'class="breadcrumbs"' in html and f'href="/{lang}/incidents/"' in html


def test_every_incident_has_a_source_in_the_database_and_on_its_page(client, kb, lang):
    assert not Incident.objects.filter(sources__isnull=True).exists()
    for incident in Incident.objects.prefetch_related("sources"):
        sources = section(main_html(client.get(f"/{lang}/incidents/{incident.slug}/")), "sources-heading")
        assert incident.sources.all(), incident.slug
        for source in incident.sources.all():
            if source.url:
                assert f'href="{source.url}"' in sources.replace("&amp;", "&"), (incident.slug, source.key)
            title = source.title_en if lang == "en" and source.title_en else source.title
            assert escape(title) in sources, (incident.slug, source.key)


def test_what_was_seen_of_each_source_is_shown(client, lang):
    source = SourceFactory(checked=Source.Checked.SEEN)
    incident = IncidentFactory(sources=[source])
    html = section(main_html(client.get(f"/{lang}/incidents/{incident.slug}/")), "sources-heading")
    assert 'class="source-check source-check--seen"' in html
    citing = SourceFactory(checked=Source.Checked.SEEN, title="The citing report")
    Source.objects.filter(pk=source.pk).update(checked=Source.Checked.CITED, cited_by=citing)
    html = section(main_html(client.get(f"/{lang}/incidents/{incident.slug}/")), "sources-heading")
    assert 'class="source-check source-check--cited"' in html and "The citing report" in html
    Source.objects.filter(pk=source.pk).update(checked=Source.Checked.UNCHECKED, cited_by=None)
    html = section(main_html(client.get(f"/{lang}/incidents/{incident.slug}/")), "sources-heading")
    assert 'class="source-check source-check--unchecked"' in html and "source-check--seen" not in html


def test_dates_countries_sectors_and_attack_types(client, lang):
    sectors = [SectorFactory(), SectorFactory(), SectorFactory()]
    country, attack_type = CountryFactory(), AttackTypeFactory()
    incident = IncidentFactory(
        start_date=datetime.date(2007, 4, 27),
        end_date=datetime.date(2007, 5, 1),
        end_precision=DatePrecision.MONTH,
        countries=[country],
        sectors=sectors,
        attack_types=[attack_type],
    )
    html = main_html(client.get(f"/{lang}/incidents/{incident.slug}/"))
    assert {"ja": "2007年4月27日（平成19年）", "en": "27 April 2007"}[lang] in element_by_id(html, "start-date", "dd")
    end = element_by_id(html, "end-date", "dd")
    assert f'<time datetime="2007-05">{ {"ja": "2007年5月（平成19年）", "en": "May 2007"}[lang] }</time>' in end
    for sector in sectors:
        assert f'href="/{lang}/strategy/sectors/{sector.slug}/"' in html
    assert localized(country, "name", lang).text in html
    assert localized(attack_type, "name", lang).text in html
    assert f'href="/{lang}/incidents/?attack_type={attack_type.slug}"' in html
    assert "end-date" not in main_html(client.get(f"/{lang}/incidents/{IncidentFactory().slug}/"))


def test_impact_figures_have_separators_unit_approximation_and_source(client, lang):
    incident = IncidentFactory()
    figure = ImpactFigure.objects.create(
        incident=incident,
        value=Decimal("21500000"),
        unit_ja="人",
        unit_en="people",
        label_ja="個人情報が盗まれた人",
        label_en="people whose personal data was stolen",
        approximate=True,
        source=SourceFactory(),
    )
    ImpactFigure.objects.create(
        incident=incident,
        value=Decimal("83"),
        unit_ja="台",
        unit_en="computers",
        label_ja="感染した端末",
        label_en="infected computers",
        source=SourceFactory(),
    )
    html = section(main_html(client.get(f"/{lang}/incidents/{incident.slug}/")), "figures-heading")
    assert "21,500,000" in html
    assert "21500000" not in html.replace('value="21500000"', "")
    row = next(r for r in html.split("<tr>") if "21,500,000" in r)
    assert (figure.unit_en if lang == "en" else figure.unit_ja) in row
    assert (figure.label_en if lang == "en" else figure.label_ja) in row
    assert f'href="{figure.source.url}"' in row
    assert 'class="approximate"' in row
    if lang == "en":
        assert '<span class="approximate">approximately</span> <data value="21500000">21,500,000</data>' in row
    exact = next(r for r in html.split("<tr>") if ">83<" in r)
    assert "approximate" not in exact


def test_attribution_only_with_its_named_source(client, lang):
    stated_by = SourceFactory()
    attributed = IncidentFactory(
        attribution_ja="試験国の国家機関による",
        attribution_en="By a state agency of Testland",
        attribution_source=stated_by,
    )
    html = section(main_html(client.get(f"/{lang}/incidents/{attributed.slug}/")), "attribution-heading")
    text = attributed.attribution_en if lang == "en" else attributed.attribution_ja
    assert escape(text) in html
    assert f'href="{stated_by.url}"' in html
    # The same text without a source would not be shown (the database forbids it; the page checks too).
    unattributed = IncidentFactory()
    assert not unattributed.attribution_ja
    html = section(main_html(client.get(f"/{lang}/incidents/{unattributed.slug}/")), "attribution-heading")
    assert text[:10] not in html and stated_by.url not in html


def test_typed_links_name_the_relation_and_reach_the_target(client, kb, lang):
    html = section(main_html(client.get(f"/{lang}/incidents/mhi-2011/")), "related-heading")
    # A measure of the strategy, and an article cited in its original numbering, at the paragraph.
    assert f'href="/{lang}/strategy/documents/cs-strategy-2015/m-5-1-2/"' in html
    assert f'href="/{lang}/laws/basic-act-on-cybersecurity/articles/15/?version=original#p1"' in html
    assert {"ja": "第十五条第一項", "en": "Art. 15(1)"}[lang] in html
    # the two links to policy it illustrates, and the deck's slide read as naming it: all this knowledge base's reading
    assert html.count('class="interpretation"') == 3
    assert f'href="/{lang}/strategy/documents/briefing-deck-2016/slide-1/"' in html
    jps = section(main_html(client.get(f"/{lang}/incidents/japan-pension-service-2015/")), "related-heading")
    assert f'href="/{lang}/strategy/documents/jps-investigation-report-2015/"' in jps
    assert {"ja": "第二十五条第一項第三号", "en": "Art. 25(1)(iii)"}[lang] in jps


def test_the_page_lists_each_typed_link_once(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/mhi-2011/"))
    assert html.count('class="panel related"') == 1
    panel = section(html, "related-heading")
    link = f'href="/{lang}/laws/basic-act-on-cybersecurity/articles/15/?version=original#p1"'
    assert panel.count(link) == 1
    assert link not in html[: html.index("related-heading")]  # not listed a second time above the panel


@pytest.mark.parametrize("slug", ["opm-2015", "south-korea-2013", "mhi-2011"])
def test_policy_events_that_followed_within_three_years_in_date_order(client, kb, lang, slug):
    incident = Incident.objects.get(slug=slug)
    end = add_years(incident.start_date, 3)
    html = section(main_html(client.get(f"/{lang}/incidents/{slug}/")), "followed-heading")
    documents = Document.objects.filter(decided_on__gte=incident.start_date, decided_on__lte=end)
    amendments = AmendingAct.objects.filter(promulgated__gte=incident.start_date, promulgated__lte=end)
    acts = Act.objects.filter(promulgated__gte=incident.start_date, promulgated__lte=end)
    expected = sorted(
        [(d.decided_on, 2, f"/{lang}/strategy/documents/{d.slug}/") for d in documents]
        + [(a.promulgated, 1, f"/{lang}/laws/{a.act.slug}/amendments/{a.key}/") for a in amendments]
        + [(a.promulgated, 0, f"/{lang}/laws/{a.slug}/") for a in acts]
    )
    assert expected, "each of these incidents was followed by some policy record"
    shown = re.findall(r'<a href="([^"]+)">', html)
    assert shown == [url for _date, _order, url in expected]
    assert html.count("<li>") == len(expected)


def test_the_2016_amendment_followed_the_pension_service_breach(client, kb, lang):
    html = section(main_html(client.get(f"/{lang}/incidents/japan-pension-service-2015/")), "followed-heading")
    strategy = html.index(f'href="/{lang}/strategy/documents/cs-strategy-2015/"')
    amendment = html.index(f'href="/{lang}/laws/basic-act-on-cybersecurity/amendments/H28-31/"')
    assert strategy < amendment
    assert f'href="/{lang}/strategy/documents/ciip-action-plan-3/"' not in html  # decided before the incident


def test_unknown_incident_is_a_404_page(client, kb, lang):
    response = client.get(f"/{lang}/incidents/no-such-incident/")
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.content.decode()
