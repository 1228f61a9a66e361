"""Dates at their precision, with the Japanese era, in both languages."""

import datetime
import re

import pytest

from core.dates import DatePrecision, format_partial_date
from tests.factories import IncidentFactory

from .helpers import element_by_id, main_html

D = datetime.date


@pytest.mark.parametrize(
    ("date", "precision", "ja", "en"),
    [
        (D(2015, 9, 4), DatePrecision.DAY, "2015年9月4日（平成27年）", "4 September 2015"),
        (D(2015, 6, 1), DatePrecision.EARLY, "2015年6月上旬（平成27年）", "early June 2015"),
        (D(2015, 6, 11), DatePrecision.MID, "2015年6月中旬（平成27年）", "mid-June 2015"),
        (D(2011, 7, 21), DatePrecision.LATE, "2011年7月下旬（平成23年）", "late July 2011"),
        (D(2007, 5, 1), DatePrecision.MONTH, "2007年5月（平成19年）", "May 2007"),
        (D(2011, 9, 1), DatePrecision.SEASON, "2011年秋（平成23年）", "autumn 2011"),
        (D(2016, 3, 1), DatePrecision.SEASON, "2016年春（平成28年）", "spring 2016"),
        (D(2005, 1, 1), DatePrecision.YEAR, "2005年（平成17年）", "2005"),
        # The first year of an era is 元年; a year in which the era changed names both.
        (D(2019, 5, 1), DatePrecision.DAY, "2019年5月1日（令和元年）", "1 May 2019"),
        (D(2019, 4, 30), DatePrecision.DAY, "2019年4月30日（平成31年）", "30 April 2019"),
        (D(2019, 1, 1), DatePrecision.YEAR, "2019年（平成31年／令和元年）", "2019"),
    ],
)
def test_format_partial_date(date, precision, ja, en):
    assert format_partial_date(date, precision, language="ja") == ja
    assert format_partial_date(date, precision, language="en") == en


def test_without_era():
    assert format_partial_date(D(2011, 9, 1), DatePrecision.SEASON, language="ja", with_era=False) == "2011年秋"


@pytest.mark.django_db
def test_deck_date_of_mhi_2011_is_shown_as_a_season(client, kb, lang):
    html = main_html(client.get(f"/{lang}/incidents/mhi-2011/"))
    deck = element_by_id(html, "deck", "dd")
    assert deck is not None
    expected = {"ja": "2011年秋（平成23年）", "en": "autumn 2011"}[lang]
    assert f'<time datetime="2011">{expected}</time>' in deck


@pytest.mark.django_db
def test_start_date_at_its_precision(client, lang):
    incident = IncidentFactory(start_date=D(2011, 7, 21), start_precision=DatePrecision.LATE)
    html = main_html(client.get(f"/{lang}/incidents/{incident.slug}/"))
    start = element_by_id(html, "start-date", "dd")
    expected = {"ja": "2011年7月下旬（平成23年）", "en": "late July 2011"}[lang]
    assert re.search(rf'<time datetime="2011-07">{expected}</time>', start)
