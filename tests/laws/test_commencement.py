"""Point in time: a provision not yet in force on the date asked for says so, with the date it came into force."""

import datetime
import re

import pytest

from core.dates import DatePrecision
from laws.models import Commencement, Version

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"


def notices(html):
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", n))
        for n in re.findall(r'class="notice warning commencement">(.*?)</div>', html, re.S)
    ]


def test_the_basic_acts_delayed_commencement_is_recorded_from_its_fixture(kb):
    commencement = Commencement.objects.get(version__act=kb, version__key="original")
    assert (commencement.chapters, commencement.supplementary_articles) == ("2,4", "4")
    assert (commencement.in_force_from, commencement.precision) == (datetime.date(2015, 1, 1), DatePrecision.MONTH)
    assert commencement.verified is False  # the Cabinet Order that set the day has not been seen
    assert "附則第一条" in commencement.basis_ja and commencement.basis_en
    assert commencement.source.key == "basic-act-2014"  # the proviso is read in the 2014 text


@pytest.mark.parametrize(
    ("number", "as_of", "said"),
    [
        ("24", "2014-12-01", "not"),  # the example: 設置 of the HQ, Chapter IV
        ("25", "2014-11-12", "not"),  # the day of promulgation
        ("12", "2014-12-31", "not"),  # Chapter II
        ("24", "2015-01-09", "perhaps"),  # inside January 2015: the day itself is not known
        ("24", "2015-02-01", None),
        ("3", "2014-12-01", None),  # Chapter I came into force on promulgation
        ("13", "2014-12-01", None),  # Chapter III too
    ],
)
def test_an_article_page_for_a_date_says_whether_the_article_was_in_force(client, lang, number, as_of, said):
    html = client.get(f"/{lang}{ACT}/articles/{number}/", {"as_of": as_of}).content.decode()
    found = notices(html)
    if said is None:
        assert found == []
        return
    assert len(found) == 1
    text = found[0]
    wording = {
        ("ja", "not"): "まだ施行されていません",
        ("ja", "perhaps"): "施行されていなかった可能性",
        ("en", "not"): "Not yet in force",
        ("en", "perhaps"): "Perhaps not yet in force",
    }
    assert wording[(lang, said)] in text
    assert ("2015年1月" if lang == "ja" else "January 2015") in text
    assert ("未確認" if lang == "ja" else "not verified") in text


def test_the_table_of_contents_for_a_date_marks_the_chapters_not_yet_in_force(client, lang):
    html = client.get(f"/{lang}{ACT}/", {"as_of": "2014-12-01"}).content.decode()
    chapters = re.findall(r'<li class="chapter"><h3>(.*?)</h3>(.*?)<ol>', html, re.S)
    marked = [heading for heading, after in chapters if "commencement" in after]
    texts = [re.sub(r"<[^>]+>", "", heading) for heading in marked]
    if lang == "ja":
        assert [text.split("\u3000")[0] for text in texts] == ["第二章", "第四章"]
    else:
        assert [" ".join(text.split()[:2]) for text in texts] == ["Chapter II", "Chapter IV"]


def test_a_version_page_without_a_date_says_nothing_of_it(client, django_assert_num_queries):
    html = client.get(f"/en{ACT}/articles/24/?version=original").content.decode()
    assert notices(html) == []


def test_scope_and_dates_of_a_commencement():
    version = Version(key="v")
    commencement = Commencement(
        version=version,
        chapters="2,4",
        articles="12, 25..30-2",
        supplementary_articles="4",
        in_force_from=datetime.date(2015, 1, 1),
        precision=DatePrecision.MONTH,
    )
    assert commencement.covers(chapter="4") and not commencement.covers(chapter="3")
    assert commencement.covers(article="12") and commencement.covers(article="30") and commencement.covers("30-2")
    assert not commencement.covers(article="31") and not commencement.covers(article="13")
    assert commencement.covers(supplementary_article="4") and not commencement.covers(supplementary_article="1")
    assert commencement.in_force_on(datetime.date(2014, 12, 31)) is False
    assert commencement.in_force_on(datetime.date(2015, 1, 31)) is None
    assert commencement.in_force_on(datetime.date(2015, 2, 1)) is True
    day = Commencement(version=version, in_force_from=datetime.date(2015, 1, 9), precision=DatePrecision.DAY)
    assert (day.in_force_on(datetime.date(2015, 1, 8)), day.in_force_on(datetime.date(2015, 1, 9))) == (False, True)
    assert Commencement(version=version).in_force_on(datetime.date(2020, 1, 1)) is None  # the day is not known
