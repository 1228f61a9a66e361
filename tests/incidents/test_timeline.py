"""The timeline: every dated record in one chronological list, with a year axis above it."""

import datetime
import re

import pytest

from incidents.models import Incident
from laws.models import Act, AmendingAct
from strategy.models import Document

from .helpers import element_by_id, filter_notice_names, ids_in_order, language_switch, main_html

pytestmark = pytest.mark.django_db


def event_dates(html):
    """(id, datetime attribute of its date) for each entry of the list, in page order."""
    return re.findall(r'<li id="(ev-[^"]+)"[^>]*>\s*<span class="event-date"><time datetime="([^"]+)">', html)


def test_enactment_strategy_and_2016_amendment_in_order(client, kb, lang):
    response = client.get(f"/{lang}/timeline/")
    assert response.status_code == 200
    html = main_html(response)
    enactment = element_by_id(html, "ev-act-basic-act-on-cybersecurity", "li")
    strategy = element_by_id(html, "ev-document-cs-strategy-2015", "li")
    amendment = element_by_id(html, "ev-amendment-basic-act-on-cybersecurity-H28-31", "li")
    assert '<time datetime="2014-11-12">' in enactment
    assert '<time datetime="2015-09-04">' in strategy
    assert '<time datetime="2016-04-22">' in amendment
    assert {"ja": "2015年9月4日（平成27年）", "en": "4 September 2015"}[lang] in strategy
    assert {"ja": "2014年11月12日（平成26年）", "en": "12 November 2014"}[lang] in enactment
    assert {"ja": "平成二十八年法律第三十一号", "en": "Act No. 31 of 2016"}[lang] in amendment
    positions = [
        html.index(f'id="{i}"')
        for i in (
            "ev-act-basic-act-on-cybersecurity",
            "ev-document-cs-strategy-2015",
            "ev-amendment-basic-act-on-cybersecurity-H28-31",
        )
    ]
    assert positions == sorted(positions)


def test_every_dated_record_appears_once_in_date_order(client, kb, lang):
    html = main_html(client.get(f"/{lang}/timeline/"))
    entries = event_dates(html)
    ids = [i for i, _date in entries]
    expected = (
        {f"ev-incident-{slug}" for slug in Incident.objects.values_list("slug", flat=True)}
        | {f"ev-act-{slug}" for slug in Act.objects.values_list("slug", flat=True)}
        | {f"ev-amendment-{a.act.slug}-{a.key}" for a in AmendingAct.objects.select_related("act")}
        | {f"ev-document-{d}" for d in Document.objects.filter(decided_on__isnull=False).values_list("slug", flat=True)}
    )
    assert len(ids) == len(set(ids)) and set(ids) == expected
    years = [int(date[:4]) for _id, date in entries]
    assert years == sorted(years)
    exact = [datetime.date.fromisoformat(date) for _id, date in entries if len(date) == 10]
    assert exact == sorted(exact)


def test_partial_dates_keep_their_precision(client, kb, lang):
    html = main_html(client.get(f"/{lang}/timeline/"))
    house = element_by_id(html, "ev-incident-house-of-representatives-2011", "li")
    assert {"ja": "2011年7月下旬（平成23年）", "en": "late July 2011"}[lang] in house
    deck = element_by_id(html, "ev-document-briefing-deck-2016", "li")
    assert {"ja": "2016年春（平成28年）", "en": "spring 2016"}[lang] in deck


def test_undated_documents_are_left_out_with_a_note(client, kb, lang):
    html = main_html(client.get(f"/{lang}/timeline/"))
    undated = Document.objects.filter(decided_on__isnull=True)
    assert undated.exists()
    note = element_by_id(html, "undated", "div")
    for document in undated:
        assert f'id="ev-document-{document.slug}"' not in html
        assert f'href="/{lang}/strategy/documents/{document.slug}/"' in note


def test_axis_marks_link_to_the_list_entries(client, kb, lang):
    html = main_html(client.get(f"/{lang}/timeline/"))
    svg = re.search(r'<figure class="timeline-axis">(.*?)</figure>', html, re.S).group(1)
    marks = re.findall(r'<a href="#(ev-[^"]+)"', svg)
    assert marks and sorted(marks) == sorted(i for i, _date in event_dates(html))
    ticks = [int(y) for y in re.findall(r'text-anchor="middle">(\d{4})</text>', svg)]
    latest = max(int(d[:4]) for _i, d in event_dates(html))
    assert ticks == list(range(2005, latest + 1))  # one tick per year, 2005 to the latest event


@pytest.mark.parametrize(
    ("params", "kinds"),
    [
        ("kind=law", {"act", "amendment"}),
        ("kind=incident&kind=document", {"incident", "document"}),
        ("kind=incident", {"incident"}),
    ],
)
def test_filter_by_kind(client, kb, lang, params, kinds):
    html = main_html(client.get(f"/{lang}/timeline/?{params}"))
    shown = {i.split("-")[1] for i in ids_in_order(html, "ev-")}
    assert shown == kinds
    assert "filter-notice" not in html
    for value in params.replace("kind=", "").split("&"):
        assert f'value="{value}" id=' in html and re.search(rf'value="{value}"[^>]*checked', html)


def test_filter_by_year_range_combines_with_kind(client, kb, lang):
    html = main_html(client.get(f"/{lang}/timeline/?from=2015&to=2016&kind=law&kind=incident"))
    entries = event_dates(html)
    assert entries and all(date[:4] in ("2015", "2016") for _i, date in entries)
    assert not any(i.startswith("ev-document-") for i, _d in entries)
    expected = (
        Incident.objects.filter(start_date__year__in=[2015, 2016]).count()
        + AmendingAct.objects.filter(promulgated__year__in=[2015, 2016]).count()
    )
    assert len(entries) == expected
    svg_ticks = re.findall(r'text-anchor="middle">(\d{4})</text>', html)
    assert svg_ticks == ["2015", "2016"]


def test_filters_survive_the_language_switch(client, kb):
    ja = client.get("/ja/timeline/?kind=law&from=2015").content.decode()
    switch = language_switch(ja, "en")
    assert switch == "/en/timeline/?kind=law&from=2015"
    en = main_html(client.get(switch))
    assert ids_in_order(en, "ev-") == ids_in_order(main_html(client.get("/ja/timeline/?kind=law&from=2015")), "ev-")


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("kind=foo", "“foo”"),
        ("kind=law&kind=%3Cscript%3E", "“&lt;script&gt;”"),
        ("from=abc", "“abc”"),
        ("from=99999", "“99999”"),
        ("to=%00", "“\N{REPLACEMENT CHARACTER}”"),
        ("from=2016&to=2014", "2016–2014"),
    ],
)
def test_bad_values_are_ignored_with_a_notice(client, kb, lang, query, shown):
    response = client.get(f"/{lang}/timeline/?{query}")
    assert response.status_code == 200
    html = main_html(response)
    assert filter_notice_names(html, shown)
    assert "<script>" not in html
    everything = ids_in_order(main_html(client.get(f"/{lang}/timeline/")), "ev-")
    assert ids_in_order(html, "ev-") == everything  # the bad filter was set aside, not applied


def test_a_bad_year_leaves_the_good_one_in_force(client, kb, lang):
    html = main_html(client.get(f"/{lang}/timeline/?from=2016&to=abc&kind=law"))
    assert "filter-notice" in html
    entries = event_dates(html)
    assert entries and all(int(date[:4]) >= 2016 for _i, date in entries)
    assert all(i.startswith(("ev-act-", "ev-amendment-")) for i, _d in entries)


@pytest.mark.parametrize("params", ["to=1950", "kind=law&to=2004", "from=1990&to=1990"])
def test_a_range_with_no_event_is_an_empty_timeline(client, kb, lang, params):
    """An end year before the axis would otherwise begin (2005) and before any event: no axis, no error."""
    response = client.get(f"/{lang}/timeline/?{params}")
    assert response.status_code == 200
    html = main_html(response)
    assert ids_in_order(html, "ev-") == [] and "<svg" not in html and "filter-notice" not in html
