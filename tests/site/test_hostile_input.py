"""Hostile input: each kind of bad value in an address or a query string gets a page in the reader's language (a
4xx saying what was wrong, or the page with the value set aside), never a 500."""

import pytest

from core.paging import MAX_PAGE, page_number

pytestmark = pytest.mark.django_db
ACT = "/laws/basic-act-on-cybersecurity"
HEADINGS = {
    400: {"ja": "リクエストを理解できませんでした", "en": "The request could not be understood"},
    404: {"ja": "ページが見つかりません", "en": "Page not found"},
}


def answer(client, url):
    """The response to `url` with failures answered as a reader gets them (the 500 page, not an exception)."""
    client.raise_request_exception = False
    return client.get(url)


def assert_error_page(response, lang, status):
    html = response.content.decode()
    assert response.status_code == status, response.status_code
    assert f'<html lang="{lang}">' in html
    assert HEADINGS[status][lang] in html
    assert "Traceback" not in html
    return html


# --- Page numbers: any int a query string may carry ----------------------------------------------------------

HUGE = ["9223372036854775807", "9223372036854775808", "10000000000000000000", "9" * 30, "9" * 4000]
PAGED_LISTS = [
    "/incidents/?page={}",
    "/incidents/?year=2015&page={}",
    "/strategy/?page={}",
    "/search/?q=%E6%83%85%E5%A0%B1&page={}",
    "/glossary/critical-social-infrastructure-providers/?page={}",
    "/related/incident:opm-2015/?relation=illustrates_risk&direction=out&kind=node&page={}",
]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("path", PAGED_LISTS)
def test_a_page_number_past_any_database_integer_shows_a_page(client, lang, path, number):
    response = answer(client, f"/{lang}{path.format(number)}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize("query", ["page=2", "page=5", "page=10000000000000000000", "kind=strategy&page=3"])
def test_a_document_list_page_past_the_end_shows_the_last_page(client, lang, query):
    html = answer(client, f"/{lang}/strategy/?{query}").content.decode()
    assert "/strategy/documents/cs-strategy-2015/" in html  # a document of the last (here the only) page
    assert {"ja": "この種類の文書は記録されていません", "en": "No document of this kind is recorded"}[lang] not in html


@pytest.mark.parametrize(
    ("value", "number"),
    [("3", 3), ("0", 1), ("-5", 1), ("", 1), (None, 1), ("abc", 1), ("１２", 12), (str(MAX_PAGE + 1), MAX_PAGE)]
    + [(huge, MAX_PAGE) for huge in HUGE[:-1]],
)
def test_page_number_reads_a_positive_number_within_reach(value, number):
    assert page_number(value) == number


# --- The timeline's window: ?start= and ?skip= are set aside with a notice, never read past the database -----


@pytest.mark.parametrize(
    ("query", "said"),
    [("start=2015-01-01&skip=" + huge, "skip") for huge in HUGE]
    + [
        ("start=2015-01-01&skip=-5", "skip"),
        ("start=2015-01-01&skip=１", "skip"),
        ("start=2015-01-01&skip=1001", "skip"),
        ("start=99999-01-01", "start"),
        ("start=2015-13-01", "start"),
        ("start=2015-02-30", "start"),
        ("start=%00", "start"),
    ],
)
def test_an_unreadable_timeline_window_is_set_aside_with_a_notice(client, lang, query, said):
    response = answer(client, f"/{lang}/timeline/?{query}")
    html = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{lang}">' in html
    notice = {
        "start": {"ja": "日付（YYYY-MM-DD）ではない", "en": "is not a date (YYYY-MM-DD)"},
        "skip": {"ja": "件数ではない", "en": "is not a number of events"},
    }[said][lang]
    assert notice in html


def test_a_readable_timeline_window_has_no_notice(client, lang):
    html = answer(client, f"/{lang}/timeline/?start=2015-01-01&skip=1").content.decode()
    assert "YYYY-MM-DD" not in html and "0 から" not in html and "from 0 to" not in html


# --- Digits of other scripts: a number field accepts what int() reads, refuses other "digits" -----------------


@pytest.mark.parametrize("year", ["¹²³⁴", "²⁰¹⁵", "①②③④", "2015²", "½½½½"])
def test_a_search_year_of_digit_like_characters_is_a_400(client, lang, year):
    assert_error_page(answer(client, f"/{lang}/search/?q=%E6%83%85%E5%A0%B1&year={year}"), lang, 400)


@pytest.mark.parametrize("year", ["2015", "２０１５"])
def test_a_search_year_of_decimal_digits_filters(client, lang, year):
    assert answer(client, f"/{lang}/search/?q=2015&year={year}").status_code == 200


# --- Article addresses: the number written some other way, or a text that is not loaded ------------------------

NOT_ARTICLE_NUMBERS = {
    "第二十六条": "第二十六条",  # a citation in kanji
    "%E7%AC%AC%E5%8D%83%E6%9D%A1": "第千条",
    "%E7%AC%AC%E3%80%87%E6%9D%A1": "第〇条",
    "%E7%AC%AC%E5%8D%81%E4%BA%8C%E6%9D%A1%E3%81%AE%E4%BA%8C%E3%81%AE%E4%B8%89": "第十二条の二の三",
    "%EF%BC%92%EF%BC%96": "２６",  # full-width digits
    "26-0": "26-0",
    "0": "0",
    "026": "026",
    "x" * 300: "x" * 19 + "…",  # an overlong value is quoted shortened
}
NOT_AN_ARTICLE_NUMBER = {
    "ja": "アドレスで使う条番号の形（12、30-2）ではありません",
    "en": "is not an article number as addresses write it (12, 30-2)",
}


@pytest.mark.parametrize("page", ["", "parallel/"])
@pytest.mark.parametrize(("number", "quoted"), NOT_ARTICLE_NUMBERS.items())
def test_an_article_number_written_another_way_is_a_404_that_says_so(client, lang, number, quoted, page):
    html = assert_error_page(answer(client, f"/{lang}{ACT}/articles/{number}/{page}"), lang, 404)
    assert NOT_AN_ARTICLE_NUMBER[lang] in html
    assert quoted in html


@pytest.mark.parametrize("number", ["99", "26-9", "9999999999999999999999"])
def test_an_article_the_text_does_not_hold_is_a_404_naming_it(client, lang, number):
    html = assert_error_page(answer(client, f"/{lang}{ACT}/articles/{number}/"), lang, 404)
    assert number in html and NOT_AN_ARTICLE_NUMBER[lang] not in html


def test_an_article_of_a_version_whose_text_is_not_loaded_says_so(client, lang):
    from tests.factories import VersionFactory

    version = VersionFactory(label_ja="テスト用の本文", label_en="text for the test")
    html = assert_error_page(answer(client, f"/{lang}/laws/{version.act.slug}/articles/1/"), lang, 404)
    assert {"ja": "法令本文が読み込まれていない", "en": "is not loaded"}[lang] in html
    notice = answer(client, f"/{lang}/laws/{version.act.slug}/").content.decode()
    assert f"fetch_egov {version.act.slug} --as-of" in notice  # a command that runs as written


# --- Methods: the public site only reads ---------------------------------------------------------------------

READ_ONLY_PAGES = [
    "/{lang}/",
    "/{lang}/search/?q=a",
    "/{lang}/resolve/?q=a",
    "/{lang}" + ACT + "/articles/26/",
    "/{lang}/incidents/",
    "/{lang}/related/incident:opm-2015/",
    "/{lang}/no-such-page/",
    "/data/acts.json",
    "/sitemap.xml",
]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace"])
@pytest.mark.parametrize("path", READ_ONLY_PAGES)
def test_a_write_to_a_read_only_page_is_a_405_page_not_an_expired_form(lang, path, method):
    from django.test import Client

    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=lang)  # as a browser sends it: no token
    response = getattr(client, method)(path.format(lang=lang), {"q": "x"} if method == "post" else None)
    html = response.content.decode()
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert f'<html lang="{lang}">' in html
    assert {"ja": "このページは閲覧専用です", "en": "This page can only be read"}[lang] in html


@pytest.mark.parametrize("path", READ_ONLY_PAGES)
def test_options_on_a_read_only_page_names_the_methods_without_the_page(client, lang, path):
    response = client.options(path.format(lang=lang))
    assert response.status_code == 200 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b""


def test_the_admin_and_the_api_still_answer_for_their_own_methods(client):
    assert client.post("/admin/login/", {"username": "nobody", "password": "x"}).status_code == 200  # the form
    assert client.post("/api/v1/incidents").status_code == 405  # django-ninja's JSON answer
