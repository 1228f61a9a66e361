"""The NISC briefing deck (spring 2016) is the seed of the knowledge base: everything on its slides must be
reachable from the strategy index, in both languages."""

import re

import pytest
from django.utils import translation

from core.i18n import localized
from strategy.models import Document, Node

from .pages import hrefs, parse, section, table_row

pytestmark = pytest.mark.django_db

DECK_SLIDES = 12  # the deck has twelve slides


def test_every_slide_of_the_deck_is_reachable_from_the_index(client, lang):
    deck = Document.objects.get(kind=Document.Kind.BRIEFING)
    index = client.get(f"/{lang}/strategy/").content.decode()
    with translation.override(lang):
        deck_url = deck.get_absolute_url()
    assert deck_url in hrefs(index), "the index must link the briefing deck"

    page = client.get(deck_url)
    assert page.status_code == 200
    deck_links = hrefs(page.content.decode())
    slides = list(Node.objects.filter(document=deck, kind=Node.Kind.SLIDE).order_by("tree_id", "lft"))
    assert len(slides) == DECK_SLIDES
    for slide in slides:
        with translation.override(lang):
            url = slide.get_absolute_url()
        assert url in deck_links, f"slide {slide.number} is not linked from the deck's page"
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        title = localized(slide, "title", lang).text
        assert re.search(r"<h1>.*?</h1>", html, re.S).group(0).count(_escaped(title)) == 1
        assert _escaped(localized(slide, "body", lang).text) in html


def _escaped(value):
    from django.utils.html import escape

    return str(escape(value))


# Facts the deck states, as each language writes them. Every fact must be found together on one reachable page.
FACTS = {
    "the strategy decided by the Cabinet on 4 September 2015": {
        "ja": ["サイバーセキュリティ戦略", "2015年9月4日"],
        "en": ["Cybersecurity Strategy", "4 September 2015"],
    },
    "the five basic principles": {
        "ja": ["基本原則", "情報の自由な流通の確保", "法の支配", "開放性", "自律性", "多様な主体の連携"],
        "en": [
            "Basic Principles",
            "Assurance of the Free Flow of Information",
            "The Rule of Law",
            "Openness",
            "Autonomy",
            "Collaboration among Multi-stakeholders",
        ],
    },
    "the policy of 25 January 2016 on strengthening the promotion system": {
        "ja": ["我が国のサイバーセキュリティ推進体制の更なる機能強化に関する方針", "2016年1月25日"],
        "en": ["Policy on Further Strengthening the Functions", "25 January 2016"],
    },
    "critical infrastructure widened from 10 to 13 sectors: chemical, credit, petroleum": {
        "ja": ["10分野から13分野", "化学", "クレジット", "石油"],
        "en": ["from 10 to 13", "chemical", "credit", "petroleum"],
    },
    "function assurance, with a delivery system as the example": {
        "ja": ["機能保証", "デリバリー・システムの例", "任務", "資産", "リスク分析"],
        "en": ["Function Assurance", "Example: a delivery system", "Mission", "Assets", "Risk analysis"],
    },
    "the roadmap concluding by the end of March 2017 (平成29年3月末)": {
        "ja": ["第3次行動計画の見直しに向けたロードマップ", "平成29年3月末"],
        "en": ["Roadmap for Revising the 3rd Action Plan", "end of March 2017"],
    },
    "the three layers of personnel": {
        "ja": ["経営層", "橋渡し人材層", "実務者層"],
        "en": ["Senior management", "Bridging personnel", "Practitioners"],
    },
}


@pytest.mark.parametrize("fact", list(FACTS))
def test_facts_of_the_deck_are_on_reachable_pages(reachable, lang, fact):
    fragments = FACTS[fact][lang]
    pages = [path for path, html in reachable[lang].items() if all(f in html for f in fragments)]
    assert pages, f"no page reachable from /{lang}/strategy/ shows {fact}: {fragments}"


def _measure_pages(reachable, lang, kind, count):
    """Reachable pages whose document tree has exactly `count` parts of `kind`."""
    marker = f'class="node node--{kind}"'
    return [path for path, html in reachable[lang].items() if html.count(marker) == count]


def test_the_strategy_sets_out_eleven_measures(reachable, lang):
    strategy = Document.objects.get(kind=Document.Kind.STRATEGY, decided_on="2015-09-04")
    with translation.override(lang):
        url = strategy.get_absolute_url()
    assert url in _measure_pages(reachable, lang, "measure", 11)
    html = reachable[lang][url]
    measures = Node.objects.filter(document=strategy, kind=Node.Kind.MEASURE)
    for measure in measures:
        assert f'id="{measure.key}"' in html
        assert re.search(
            rf'<li class="node node--measure" id="{measure.key}">\s*<h\d class="node-heading"><a href=', html
        )


def test_the_policy_of_2016_01_25_lists_six_items(reachable, lang):
    policy = Document.objects.get(kind=Document.Kind.HQ_DECISION, decided_on="2016-01-25")
    with translation.override(lang):
        url = policy.get_absolute_url()
    assert url in _measure_pages(reachable, lang, "item", 6)
    html = reachable[lang][url]
    for number in ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"):
        assert f'<span class="node-number">{number}</span>' in html


def test_sectors_grew_from_10_to_13_with_chemical_credit_and_petroleum(reachable, lang):
    path = f"/{lang}/strategy/sectors/"
    assert path in reachable[lang], "the sector matrix must be linked from the strategy pages"
    html = reachable[lang][path]
    totals = [int(n) for n in re.findall(r"<td>(\d+)</td>", section(html, r'<tr class="totals">', r"</tr>"))]
    assert totals[1:3] == [10, 13]
    for slug in ("chemical", "credit", "petroleum"):
        row = table_row(html, slug)
        marks = re.findall(r'<span aria-hidden="true">(✓|—)</span>', row)
        assert marks[:3] == ["—", "—", "✓"], f"{slug} must first appear in the 3rd plan"
    names = {"ja": ["化学", "クレジット", "石油"], "en": ["Chemical industries", "Credit card services", "Petroleum"]}
    for name in names[lang]:
        assert name in html


def test_every_reachable_page_has_unique_ids(reachable, lang):
    for path, html in reachable[lang].items():
        ids = parse(html).ids
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{path} repeats the ids {duplicates}"
